"""Orders, payments, refunds and payouts."""
import uuid

from django.db import models
from django.utils import timezone


class Customer(models.Model):
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32, blank=True)
    stripe_id = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return self.email


class Order(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        PAID = "paid"
        FAILED = "failed"
        PENDING = "pending"

    number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="orders")
    total_cents = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="usd")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    payment_method_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def mark_paid(self, intent_id):
        self.status = self.Status.PAID
        self.payments.create(intent_id=intent_id, amount_cents=self.total_cents, status=Payment.Status.SUCCEEDED)
        self.save(update_fields=["status"])

    def mark_failed(self):
        self.status = self.Status.FAILED
        self.save(update_fields=["status"])


class Payment(models.Model):
    class Status(models.TextChoices):
        SUCCEEDED = "succeeded"
        FAILED = "failed"
        UNKNOWN = "unknown"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="payments")
    intent_id = models.CharField(max_length=64, unique=True)
    amount_cents = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="refunds")
    amount_cents = models.PositiveIntegerField()
    reference = models.UUIDField(default=uuid.uuid4, unique=True)
    status = models.CharField(max_length=16, default="requested")


class Payout(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested"
        PAID = "paid"
        FAILED = "failed"
        PENDING = "pending"

    seller_iban = models.CharField(max_length=34)
    amount_cents = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    bank_reference = models.CharField(max_length=64, blank=True)

    def mark_pending(self):
        self.status = self.Status.PENDING
        self.save(update_fields=["status"])


class Subscription(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    plan = models.CharField(max_length=32)
    price_cents = models.PositiveIntegerField()
    current_period_end = models.DateTimeField()
    active = models.BooleanField(default=True)
