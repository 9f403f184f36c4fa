from unittest import mock

import pytest
import requests

from app import create_app
from app.models import Refund, db
from app.refunds import issue_refund_v2


@pytest.fixture
def app():
    app = create_app("app.settings.Testing")
    with app.app_context():
        db.create_all()
        yield app
        db.drop_all()


def test_timeout_leaves_refund_pending(app):
    refund = Refund(payment_id="pay_1", amount_cents=500)
    db.session.add(refund)
    db.session.commit()
    with mock.patch("app.refunds.create_refund", side_effect=requests.exceptions.ReadTimeout()), mock.patch("app.refunds.enqueue_reconciliation") as recon:
        issue_refund_v2(refund)
    assert refund.status == "pending"
    recon.assert_called_once_with("refund", refund.id)


def test_psp_rejection_marks_failed(app):
    refund = Refund(payment_id="pay_2", amount_cents=500)
    db.session.add(refund)
    db.session.commit()
    with mock.patch("app.refunds.create_refund", return_value=mock.Mock(status_code=422)):
        issue_refund_v2(refund)
    assert refund.status == "failed"
