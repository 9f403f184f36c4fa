from datetime import datetime

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Merchant(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    email = db.Column(db.String(255), nullable=False)
    webhook_url = db.Column(db.String(500))
    webhook_secret = db.Column(db.String(64))


class Event(db.Model):
    id = db.Column(db.String(64), primary_key=True)
    merchant_id = db.Column(db.Integer, db.ForeignKey("merchant.id"))
    merchant = db.relationship(Merchant)
    type = db.Column(db.String(64))
    payload = db.Column(db.JSON)
    delivered_at = db.Column(db.DateTime)

    def mark_delivered(self):
        self.delivered_at = datetime.utcnow()


class Refund(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    payment_id = db.Column(db.String(64), nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
    status = db.Column(db.String(16), default="requested")
    psp_reference = db.Column(db.String(64))
