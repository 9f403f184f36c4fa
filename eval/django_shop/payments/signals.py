from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order


@receiver(post_save, sender=Order)
def order_paid_email(sender, instance: Order, created: bool, update_fields=None, **kwargs):
    if created or not update_fields or "status" not in update_fields:
        return
    if instance.status == Order.Status.PAID:
        send_mail(
            subject=f"Order {instance.number} confirmed",
            message="Thanks, your payment went through.",
            from_email=None,
            recipient_list=[instance.customer.email],
        )
