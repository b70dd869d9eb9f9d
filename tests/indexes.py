"""The orders a model's indexes can be read in, for the tests that a list's order has one."""

from __future__ import annotations


def index_orders(model) -> list[list[str]]:
    """Each index of the model as an order_by list ("-year" for a descending key), and the same
    read backwards (PostgreSQL scans a B-tree either way); "pk" is written "id"."""
    orders = []
    for index in model._meta.indexes:
        if index.fields:
            keys = list(index.fields)
        else:
            keys = [f"-{e.expression.name}" if e.descending else e.expression.name for e in index.expressions]
        orders.append(keys)
        orders.append([key[1:] if key.startswith("-") else f"-{key}" for key in keys])
    return orders


def as_index_order(order) -> list[str]:
    return [key.replace("pk", "id") for key in order]
