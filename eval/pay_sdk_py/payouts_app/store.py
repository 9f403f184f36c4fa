import json
from dataclasses import asdict
from pathlib import Path

STORE = Path("/var/lib/payouts")


def save(obj) -> None:
    kind = type(obj).__name__.lower()
    path = STORE / kind / f"{obj.id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(obj), default=str))


def load_payout_ids() -> list[int]:
    return sorted(int(p.stem) for p in (STORE / "sellerpayout").glob("*.json"))
