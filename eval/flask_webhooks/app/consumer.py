"""Capture worker: pops capture jobs from Redis, one at a time, forever."""
import json
import logging

import requests
from redis import Redis

from .psp import capture

log = logging.getLogger(__name__)
redis = Redis.from_url("redis://localhost:6379/3")


def run(merchants_by_id: dict) -> None:
    while True:
        item = redis.blpop("captures", timeout=30)
        if item is None:
            continue
        job = json.loads(item[1])
        try:
            # a consumer loop: each iteration handles a different job
            # label-ok: AP-001 consumer-loop
            capture(merchants_by_id[job["merchant"]], job["payment_id"], job["amount"])
        except requests.RequestException as exc:
            log.error("capture job %s failed: %s", job["payment_id"], exc)
            redis.rpush("captures:dead", item[1])
