import os

from celery import Celery

app = Celery("billing", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/1"))
app.conf.update(
    task_serializer="json",
    worker_prefetch_multiplier=1,
    timezone="UTC",
)
app.autodiscover_tasks(["billing"])
