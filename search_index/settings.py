"""The one settings object: read from the environment (``NEWSGRAPH_*``), overridable by the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

#: The articles bundled with the project (the seed corpus), served by default.
BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


class Settings(BaseSettings):
    """Everything configurable about newsgraph, in one place.

    Each field reads ``NEWSGRAPH_<FIELD>`` from the environment; ``--data-dir``
    on the command line overrides ``data_dir``.
    """

    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", extra="ignore")

    data_dir: Path = Field(
        default=Path(".newsgraph"),
        description="Folder holding the SQLite store and the Whoosh index.",
    )
    bundled_articles: Path | None = Field(
        default=BUNDLED_ARTICLES,
        description="Articles ingested on first start when the store is empty (none if unset).",
    )
    api_key: SecretStr | None = Field(
        default=None, description="Bearer key for mutations; with none set, mutations are refused."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins allowed by CORS, comma-separated."
    )
    log_level: str = Field(default="INFO", description="Log level of the JSON logs.")
    ingest_workers: int | None = Field(
        default=None,
        ge=0,
        description="Processes a bulk ingest analyzes articles in (unset: one per core, or none on one core; "
        "0: none, all in the ingesting process).",
    )

    # Limits on what one GraphQL request may ask for.
    max_page_size: int = Field(default=100, description="Largest `first` a connection accepts.")
    max_query_depth: int = Field(default=12, description="Deepest selection nesting allowed.")
    max_query_tokens: int = Field(default=2000, description="Most lexical tokens in a document.")
    max_aliases: int = Field(default=30, description="Most field aliases in one operation.")
    max_query_cost: int = Field(
        default=20000, description="Most nodes a query may ask for, nested connections multiplied."
    )
    max_body_bytes: int = Field(default=1_000_000, description="Largest HTTP request body.")
    max_search_length: int = Field(default=500, description="Longest search string accepted.")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def store_path(self) -> Path:
        """The SQLite file, the source of truth."""
        return self.data_dir / "newsgraph.sqlite3"

    @property
    def index_dir(self) -> Path:
        """The Whoosh index folder, derived from the store."""
        return self.data_dir / "index"
