import hashlib
import hmac

from flask import Blueprint, abort, current_app, jsonify, request

from .models import Event, Refund, db
from .refunds import issue_refund_v2

bp = Blueprint("hub", __name__)


def _verify(body: bytes, signature: str) -> bool:
    expected = hmac.new(current_app.config["WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@bp.post("/webhooks/psp")
def receive_event():
    if not _verify(request.get_data(), request.headers.get("X-PSP-Signature", "")):
        abort(400)
    payload = request.get_json()
    if db.session.get(Event, payload["id"]) is None:
        db.session.add(Event(id=payload["id"], merchant_id=payload["merchant"], type=payload["type"], payload=payload["data"]))
        db.session.commit()
    return "", 204


@bp.post("/refunds")
def post_refund():
    body = request.get_json()
    refund = Refund(payment_id=body["payment_id"], amount_cents=int(body["amount"]))
    db.session.add(refund)
    db.session.commit()
    return issue_refund_v2(refund)


@bp.get("/refunds/<int:refund_id>")
def get_refund(refund_id: int):
    refund = db.get_or_404(Refund, refund_id)
    return jsonify({"id": refund.id, "status": refund.status, "reference": refund.psp_reference})
