from unittest import mock

import pytest

from billing import jobs
from billing.direct_debit import DebitError


@pytest.fixture
def mandate():
    m = mock.Mock(id=7, reference="MNDT-7", balance_cents=1250)
    m.customer.phone = "+15550100001"
    return m


@mock.patch("billing.jobs.Session")
@mock.patch("billing.jobs.gateway")
def test_collect_overdue_zeroes_balance(gateway, session_cls, mandate):
    session_cls.return_value.__enter__.return_value.get.return_value = mandate
    gateway.debit.return_value = {"id": "dd_1"}
    assert jobs.collect_overdue(7) == "dd_1"
    assert mandate.balance_cents == 0


@mock.patch("billing.jobs.Session")
@mock.patch("billing.jobs.gateway")
@mock.patch("billing.jobs.send_sms")
def test_collect_installment_raises_for_rq_retry(send_sms, gateway, session_cls, mandate):
    session_cls.return_value.__enter__.return_value.get.return_value = mandate
    gateway.debit.side_effect = DebitError("503")
    with pytest.raises(DebitError):
        jobs.collect_installment(7, 3, 5000)
    send_sms.assert_called_once()
