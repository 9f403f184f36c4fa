import os

import pytest

os.environ.setdefault("BROKER_URL", "memory://")
os.environ.setdefault("DEBIT_TOKEN", "test-token")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    import socket

    def guard(*args, **kwargs):
        raise RuntimeError("network access in tests")

    monkeypatch.setattr(socket, "create_connection", guard)
