"""The one XML writer: ElementTree escapes markup, and this refuses what XML 1.0 forbids.

ElementTree writes a control character such as U+000B as it is, and the file is then not XML at
all. The loader refuses those characters in data already; refusing them here too means no output
can be ill-formed, whatever reaches it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 forbids, and CR, which ElementTree writes raw and every XML reader then reads as LF."""


def checked(text: str) -> str:
    if bad := _NOT_XML.search(text):
        raise ValueError(f"U+{ord(bad.group()):04X} can't be written in XML: {text[:60]!r}")
    return text


def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element with checked text and attribute values."""
    element = ET.SubElement(parent, tag, {name: checked(value) for name, value in attrs.items()})
    element.text = None if text is None else checked(text)
    return element


def to_string(root: ET.Element) -> str:
    """The document with its XML declaration, indented, ending in a newline."""
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
