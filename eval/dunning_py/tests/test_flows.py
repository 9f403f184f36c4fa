from datetime import date
from unittest import mock

import pytest

from dunning import flows
from dunning.gateway import ProcessorError
from dunning.models import Customer, Invoice


@pytest.fixture
def invoice():
    customer = Customer(id=1, email="kim@example.com", phone="+15550100002")
    return Invoice(id=9, number="INV-9", customer=customer, card_id="card_1", amount_cents=1999, due_on=date(2024, 5, 1))


@mock.patch("dunning.flows.time.sleep")
@mock.patch("dunning.flows.send_sms")
@mock.patch("dunning.flows.processor")
def test_last_warning_sent_once(processor, send_sms, _sleep, invoice):
    processor.charge.side_effect = ProcessorError("503")
    with pytest.raises(ProcessorError):
        flows.collect_with_last_warning(invoice)
    assert processor.charge.call_count == flows.MAX_ATTEMPTS
    send_sms.assert_called_once()


@mock.patch("dunning.flows.time.sleep")
@mock.patch("dunning.flows.processor")
def test_lookup_short_circuits(processor, _sleep, invoice):
    processor.find_charge.return_value = {"id": "ch_1"}
    assert flows.collect_with_lookup(invoice) == {"id": "ch_1"}
    processor.charge.assert_not_called()
