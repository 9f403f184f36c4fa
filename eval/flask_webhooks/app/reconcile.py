import json

from redis import Redis

_redis = Redis.from_url("redis://localhost:6379/3")


def enqueue_reconciliation(kind: str, object_id) -> None:
    _redis.rpush("reconcile", json.dumps({"kind": kind, "id": object_id}))
