"""Media products register: the list and export are for everyone who works on the programme
(the CMS editor: 403); a product is read by its task's readers (officer B and the editor:
404); unit officers and DIC managers enter products (finance officers and monitors read only:
403); officer A and the manager edit unit A's draft.

Officer B's POST to create names unit A's task, which the form does not offer: 200 with the
error, nothing written.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import MediaProduct
from tracker.registers import media

READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
LISTS = answers(editor=403, others=200)
CREATE_GET = answers(manager=200, officer_a=200, officer_b=200, finance=403, monitor=403, editor=403)
CREATE_POST = answers(manager=302, officer_a=302, officer_b=200, finance=403, monitor=403, editor=403)
EDIT_GET = answers(manager=200, officer_a=200, finance=403, monitor=403, others=404)
EDIT_POST = answers(manager=302, officer_a=302, finance=403, monitor=403, others=404)


def _product(world) -> MediaProduct:
    """Unit A's draft media product, made once per world."""
    if not hasattr(world, "media_product"):
        world.media_product = media.product_save(
            product=MediaProduct(
                task=world.task_a,
                title="Tin thử",
                product_kind=MediaProduct.ProductKind.NEWS,
                channel=MediaProduct.Channel.NEWSPAPER,
                published_on=datetime.date(2026, 3, 10),
            ),
            actor=world.users["officer_a"],
        )
    return world.media_product


def _data(world) -> dict:
    return {
        "task": world.task_a.pk,
        "title": "Phóng sự mới",
        "product_kind": "reportage",
        "channel": "radio_tv",
        "published_on": "05/04/2026",
        "language": "vi",
    }


ENTRIES = {
    "tracker:media_product_list": Entry(path=lambda w: reverse("tracker:media_product_list"), methods={"GET": LISTS}),
    "tracker:media_product_export": Entry(
        path=lambda w: reverse("tracker:media_product_export"), methods={"GET": LISTS}
    ),
    "tracker:media_product_detail": Entry(
        path=lambda w: reverse("tracker:media_product_detail", args=[_product(w).pk]), methods={"GET": READERS}
    ),
    "tracker:media_product_create": Entry(
        path=lambda w: reverse("tracker:media_product_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_data,
    ),
    "tracker:media_product_edit": Entry(
        path=lambda w: reverse("tracker:media_product_edit", args=[_product(w).pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_data,
    ),
}
