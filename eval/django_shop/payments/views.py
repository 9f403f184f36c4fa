"""JSON views for the storefront."""
import json

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Order
from .serializers import OrderSerializer
from .services import checkout


class CheckoutView(View):
    def post(self, request, number):
        order = get_object_or_404(Order, number=number, status=Order.Status.OPEN)
        payload = json.loads(request.body or "{}")
        order.payment_method_id = payload.get("payment_method", order.payment_method_id)
        order.save(update_fields=["payment_method_id"])
        intent_id = checkout(order)
        return JsonResponse({"order": order.number, "intent": intent_id}, status=201)


class OrderDetailView(View):
    def get(self, request, number):
        order = get_object_or_404(Order, number=number)
        return JsonResponse(OrderSerializer(order).data)
