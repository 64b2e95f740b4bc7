"""Removing XML nodes from a Word part without losing the text that follows them."""

from __future__ import annotations

from lxml import etree


def remove_keeping_tail(node: etree._Element) -> None:
    """Remove ``node`` (an element, comment or processing instruction) but keep its tail
    text, which belongs to the parent (there is none in WordprocessingML, but other XML may
    mix content)."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
