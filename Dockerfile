# newsgraph: the GraphQL API over the bundled articles (or a mounted data dir).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    NEWSGRAPH_DATA_DIR=/data \
    NEWSGRAPH_BUNDLED_ARTICLES=/app/data/articles

RUN useradd --create-home --uid 10001 newsgraph
WORKDIR /app

# Dependencies first (pinned), so code changes do not reinstall them.
COPY pyproject.toml constraints.txt README.md ./
COPY search_index/ search_index/
COPY graphql_api/ graphql_api/
COPY data/ data/
# Editable, so the package finds data/ (gazetteer, bundled articles) beside it.
RUN pip install -c constraints.txt -e . \
    && mkdir -p /data && chown newsgraph:newsgraph /data

USER newsgraph
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"

CMD ["newsgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
