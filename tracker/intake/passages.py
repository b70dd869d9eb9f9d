"""The document's text cut into passages the review screen can link to."""

from __future__ import annotations


def passages(text: str, spans: dict[str, tuple[int, int]]) -> tuple[list[dict], dict[str, str]]:
    """Segments of `text` ({"text", "marked", "anchors"}), and for every span key its anchor.

    Passages may nest (a reporting rule inside a duty): the text is cut at every span's start
    and end, each piece is marked when some passage covers it, and each passage's anchor sits
    where it starts, so every field links to its own place in the text.
    """
    valid = {key: (start, end) for key, (start, end) in spans.items() if 0 <= start < end <= len(text)}
    cuts = sorted({0, len(text), *(start for start, _ in valid.values()), *(end for _, end in valid.values())})
    starts: dict[int, list[str]] = {}
    anchor_of: dict[str, str] = {}
    for index, (key, (start, _end)) in enumerate(sorted(valid.items(), key=lambda item: item[1])):
        anchor_of[key] = f"src-{index}"
        starts.setdefault(start, []).append(anchor_of[key])
    segments = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        marked = any(start <= left and right <= end for start, end in valid.values())
        segments.append({"text": text[left:right], "marked": marked, "anchors": starts.get(left, [])})
    return segments, anchor_of
