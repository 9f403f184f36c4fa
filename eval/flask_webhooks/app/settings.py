import os


class Production:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://hub@db/hub")
    PSP_API = os.environ.get("PSP_API", "https://api.psp.example.com/v1")
    PSP_TOKEN = os.environ.get("PSP_TOKEN", "")
    WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET", "")
    SEARCH_API = os.environ.get("SEARCH_API", "https://search.internal/graphql")


class Testing(Production):
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    TESTING = True
