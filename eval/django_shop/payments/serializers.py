from rest_framework import serializers

from .models import Customer, Order, Payment


class PaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = ["intent_id", "amount_cents", "status", "created_at"]


class OrderSerializer(serializers.ModelSerializer):
    payments = PaymentSerializer(many=True, read_only=True)
    customer = serializers.SlugRelatedField(slug_field="email", queryset=Customer.objects.all())

    class Meta:
        model = Order
        fields = ["number", "customer", "total_cents", "currency", "status", "payments"]

    def create(self, validated_data):
        validated_data.setdefault("currency", "usd")
        return Order.objects.create(**validated_data)

    def validate_total_cents(self, value):
        if value <= 0:
            raise serializers.ValidationError("total must be positive")
        return value
