default_app_config = "payments.apps.PaymentsConfig"
