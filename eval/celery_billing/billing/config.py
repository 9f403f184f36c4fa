import os

ACQUIRER_URL = os.environ.get("ACQUIRER_URL", "https://acquirer.example.com/v2")
LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal")
SETTLEMENT_URL = os.environ.get("SETTLEMENT_URL", "https://settlement.example.com/files")
SMS_SENDER = os.environ.get("SMS_SENDER", "+15550100000")
