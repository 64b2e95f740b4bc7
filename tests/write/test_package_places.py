"""A family member's name planted in one place of a Word package each, not in the body.

Session 11's red-team pass. The case file names Kezia Fairbairn and Orrin Blackett; each
draft's body never names them, so verification (which searches for what this draft
redacted) has nothing to look for, and only the writer or the reader can keep the name
out. Every part of the output is searched, names and bytes, in UTF-8 and UTF-16, without
regard to case. Each row was published before its fix: an imported chunk saved under a
".xml" name, comments and settings of the building-blocks part, an editing permission's
user name, content-control tags, titles and gallery categories, a form field's macro and
format, an ActiveX control's properties, parts outside the Word document (a ribbon, a
tool's notes), a frames page, a font's other name, custom XML markup's element name and a
page background's picture title. Names and addresses are invented.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.detect.names import Variant
from anonymiser.pipeline import process_document
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.settings import Settings
from anonymiser.verify.rescan import verify_output
from tests.conftest import settings_with_case
from tests.docx_builder import _CT_BASE, _DECL, _MS_REL, _NS, _REL, _rels, minimal_parts, para, run, tiny_png, write_package

CASE = """people:
  - name: "Kezia Fairbairn"
    aliases: ["Kezia", "Ms Fairbairn"]
    role: "mother"
    group: family
    pseudonym: "Mother"
  - name: "Orrin Blackett"
    aliases: ["Orrin", "Mr Blackett"]
    role: "mother's partner"
    group: family
    pseudonym: "Mother's partner"
"""
PLANTED = ("kezia", "fairbairn", "orrin", "blackett")
BODY = para(run("The mother attended the clinic with the health visitor on a Tuesday."))
_GLOSSARY_REL = _REL + "glossaryDocument"
_GLOSSARY = f"{_DECL}<w:glossaryDocument {_NS}><w:docParts/></w:glossaryDocument>"
_SDT_BODY = "<w:sdtContent><w:p><w:r><w:t>Some text.</w:t></w:r></w:p></w:sdtContent></w:sdt>"


def _glossary_with(name: str, part: str, rel_type: str, extra: dict[str, str] | None = None) -> dict:
    return {
        "rels": [("rG", _GLOSSARY_REL, "glossary/document.xml", False)],
        "parts": {
            "word/glossary/document.xml": _GLOSSARY,
            f"word/glossary/{name}": part,
            "word/glossary/_rels/document.xml.rels": _rels([("rX", _REL + rel_type, name, False)]),
            **(extra or {}),
        },
    }


# id -> what the draft adds to the bare package: body XML, document relationships, parts.
PLACES: dict[str, dict] = {
    "imported chunk saved as .xml": {
        "body": '<w:altChunk r:id="rA"/>',
        "rels": [("rA", _REL + "aFChunk", "afchunk1.xml", False)],
        "parts": {
            "word/afchunk1.xml": '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            '<p title="Orrin Blackett">Kezia Fairbairn</p></body></html>'
        },
    },
    "comments of the building blocks": _glossary_with(
        "comments.xml",
        f'{_DECL}<w:comments {_NS}><w:comment w:id="0" w:author="Kezia Fairbairn" w:initials="KF">'
        f'{para(run("Fine."))}</w:comment></w:comments>',
        "comments",
    ),
    "document variables of the building blocks": _glossary_with(
        "settings.xml",
        f'{_DECL}<w:settings {_NS}><w:docVars><w:docVar w:name="ChildName" w:val="Kezia Fairbairn"/>'
        "</w:docVars></w:settings>",
        "settings",
    ),
    "template of the building blocks": _glossary_with(
        "settings.xml",
        f'{_DECL}<w:settings {_NS}><w:attachedTemplate r:id="rT"/></w:settings>',
        "settings",
        {
            "word/glossary/_rels/settings.xml.rels": _rels(
                [("rT", _REL + "attachedTemplate", "file:///C:/Users/kezia.fairbairn/Normal.dotm", True)]
            )
        },
    ),
    "editing permission's user": {
        "body": '<w:p><w:permStart w:id="1" w:ed="HOUSEHOLD\\kezia.fairbairn"/><w:r><w:t>May be edited.</w:t></w:r>'
        '<w:permEnd w:id="1"/></w:p>'
        '<w:p><w:permStart w:id="2" w:ed="orrin.blackett@example.org"/><w:r><w:t>So may this.</w:t></w:r>'
        '<w:permEnd w:id="2"/></w:p>',
    },
    "content control's tag in joined words": {
        "body": '<w:sdt><w:sdtPr><w:alias w:val="Carer"/><w:tag w:val="OrrinBlackett"/></w:sdtPr>' + _SDT_BODY,
    },
    "repeating section's title": {
        "body": '<w:sdt><w:sdtPr><w15:repeatingSection><w15:sectionTitle w15:val="Kezia Fairbairn"/>'
        "</w15:repeatingSection></w:sdtPr>" + _SDT_BODY,
    },
    "building-block gallery and category": {
        "body": '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Kezia Fairbairn"/>'
        '<w:docPartCategory w:val="Orrin Blackett"/></w:docPartObj></w:sdtPr>' + _SDT_BODY,
    },
    "form field's macros and format": {
        "body": '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/>'
        '<w:entryMacro w:val="KeziaFairbairn"/><w:exitMacro w:val="OrrinBlackett"/>'
        '<w:textInput><w:format w:val="Kezia Fairbairn"/></w:textInput></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    },
    "ActiveX control's properties": {
        "body": '<w:p><w:r><w:object><v:shape id="c1" style="width:10pt;height:10pt"/>'
        '<w:control r:id="rAx" w:name="TextBox1" w:shapeid="c1"/></w:object></w:r></w:p>',
        "rels": [("rAx", _REL + "control", "activeX/activeX1.xml", False)],
        "parts": {
            "word/activeX/activeX1.xml": f'{_DECL}<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'ax:classid="{8BD21D10-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistPropertyBag">'
            '<ax:ocxPr ax:name="Value" ax:value="Kezia Fairbairn"/><ax:ocxPr ax:name="Caption" ax:value="Orrin Blackett"/>'
            "</ax:ocx>"
        },
    },
    "parts outside the Word document": {
        "parts": {
            "customUI/customUI14.xml": '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">'
            '<ribbon><tabs><tab id="t1" label="Kezia Fairbairn"/></tabs></ribbon></customUI>',
            "extra/notes.xml": "<notes><note>Orrin Blackett</note></notes>",
        },
    },
    "frames page": {
        "rels": [("rW", _REL + "webSettings", "webSettings.xml", False)],
        "parts": {
            "word/webSettings.xml": f'{_DECL}<w:webSettings {_NS}><w:frameset><w:frame>'
            '<w:name w:val="Kezia Fairbairn"/></w:frame></w:frameset></w:webSettings>'
        },
    },
    "font's other name": {
        "rels": [("rF", _REL + "fontTable", "fontTable.xml", False)],
        "parts": {
            "word/fontTable.xml": f'{_DECL}<w:fonts {_NS}><w:font w:name="Calibri">'
            '<w:altName w:val="Kezia Fairbairn"/></w:font></w:fonts>'
        },
    },
    "custom XML markup's element name": {
        "body": '<w:customXml w:uri="urn:example" w:element="KeziaFairbairn">'
        "<w:p><w:r><w:t>Marked up.</w:t></w:r></w:p></w:customXml>",
    },
    "template name in joined words": {
        "parts": {
            "docProps/app.xml": f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Template>KeziaFairbairn.dotm</Template></Properties>"
        },
    },
    "VML picture's link, its target frame and linked source": {
        "body": para(
            '<w:r><w:pict><v:shape id="s1" href="mailto:kezia.f@example.org" target="Orrin Blackett" '
            'style="width:10pt;height:10pt"><v:imagedata src="file:///C:/Users/orrin.blackett/p.jpg"/></v:shape></w:pict></w:r>'
        ),
    },
    "link to a file on the author's computer": {
        "body": '<w:p><w:hyperlink r:id="rL"><w:r><w:t>Chronology</w:t></w:r></w:hyperlink></w:p>',
        "rels": [("rL", _REL + "hyperlink", "file:///C:/Users/KeziaF/Documents/OrrinBlackett.docx", True)],
    },
    "sub-document on a network share": {
        "body": '<w:p><w:subDoc r:id="rS"/></w:p>',
        "rels": [("rS", _REL + "subDocument", "\\\\fileserver\\KeziaFairbairn\\part2.docx", True)],
    },
    "add-in's stored properties": {
        "package_rels": [("rTp", _MS_REL + "webextensiontaskpanes", "word/webextensions/taskpanes.xml", False)],
        "parts": {
            "word/webextensions/taskpanes.xml": '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wetp:taskpane dockstate="right" '
            'visibility="0" width="350" row="1"><wetp:webextensionref r:id="rWe"/></wetp:taskpane></wetp:taskpanes>',
            "word/webextensions/_rels/taskpanes.xml.rels": _rels([("rWe", _MS_REL + "webextension", "webextension1.xml", False)]),
            "word/webextensions/webextension1.xml": '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" '
            'id="{1}"><we:reference id="wa1" version="1.0" store="en-GB" storeType="OMEX"/><we:properties>'
            '<we:property name="client" value="&quot;Kezia Fairbairn&quot;"/></we:properties></we:webextension>',
        },
    },
    "macro key assignments": {
        "rels": [("rK", "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations", "customizations.xml", False)],
        "parts": {
            "word/customizations.xml": '<wne:tcg xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"><wne:keymaps>'
            '<wne:keymap wne:kcmPrimary="0441"><wne:macro wne:macroName="PROJECT.KEZIAFAIRBAIRN.MAIN"/></wne:keymap>'
            "</wne:keymaps></wne:tcg>"
        },
    },
    "combo box's last value": {
        "body": '<w:sdt><w:sdtPr><w:comboBox w:lastValue="Kezia Fairbairn"><w:listItem w:displayText="Mum" w:value="Mum"/>'
        "</w:comboBox></w:sdtPr>" + _SDT_BODY,
    },
    "chart's extension formulas and pivot source": {
        "body": para(
            '<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="3" name="Chart 3"/><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rC"/></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r>"
        ),
        "rels": [("rC", _REL + "chart", "charts/chart1.xml", False)],
        "parts": {
            "word/charts/chart1.xml": f"{_DECL}<c:chartSpace "
            'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"><c:chart><c:plotArea><c:barChart><c:ser>'
            '<c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}"><c15:datalabelsRange><c15:f>KeziaData!$B$2:$B$3</c15:f>'
            "</c15:datalabelsRange><c15:filteredSeriesTitle><c15:tx><c:strRef><c15:fullRef><c15:sqref>OrrinBlackett!$A$1"
            "</c15:sqref></c15:fullRef><c:f>Sheet1!$A$1</c:f></c:strRef></c15:tx></c15:filteredSeriesTitle></c:ext></c:extLst>"
            "</c:ser></c:barChart></c:plotArea></c:chart><c:pivotSource><c:name>[KeziaFairbairn.xlsx]Sheet1!PivotTable1</c:name>"
            '<c:fmtId val="0"/></c:pivotSource></c:chartSpace>'
        },
    },
    "theme family's name": {
        "rels": [("rT", _REL + "theme", "theme/theme1.xml", False)],
        "parts": {
            "word/theme/theme1.xml": '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
            '<a:themeElements/><a:extLst><a:ext uri="{05A4C25C-085E-4340-85A3-A5531E510DB2}"><thm15:themeFamily '
            'xmlns:thm15="http://schemas.microsoft.com/office/thememl/2012/main" name="Kezia Fairbairn" id="{1}" vid="{2}"/>'
            "</a:ext></a:extLst></a:theme>"
        },
    },
    "list's link to a style no part defines": {
        "rels": [("rN", _REL + "numbering", "numbering.xml", False)],
        "parts": {
            "word/numbering.xml": f'{_DECL}<w:numbering {_NS}><w:abstractNum w:abstractNumId="0">'
            '<w:styleLink w:val="KeziaFairbairnList"/><w:lvl w:ilvl="0"><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="OrrinBlackettList"/></w:abstractNum></w:numbering>'
        },
    },
    "part named after a person": {
        "body": '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rH"/>'
        '<w:footerReference w:type="default" r:id="rF"/></w:sectPr></w:pPr></w:p>',
        "rels": [
            ("rH", _REL + "header", "header-kezia-fairbairn.xml", False),
            ("rF", _REL + "footer", "/word/orrin-blackett/footer1.xml", False),
        ],
        "parts": {
            "word/header-kezia-fairbairn.xml": f"{_DECL}<w:hdr {_NS}>"
            + para(run("Confidential.") + '<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/>'
                   '<wp:docPr id="9" name="Picture 9"/><a:graphic><a:graphicData '
                   'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill>'
                   '<a:blip r:embed="rP"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>'
                   "</w:drawing></w:r>")
            + "</w:hdr>",
            "word/_rels/header-kezia-fairbairn.xml.rels": _rels([("rP", _REL + "image", "media/Orrin%20at%20the%20park.png", False)]),
            "word/media/Orrin at the park.png": tiny_png(),
            # In a folder of its own, its picture one folder up: the relative target is redone.
            "word/orrin-blackett/footer1.xml": f"{_DECL}<w:ftr {_NS}>" + para(run("Page.")) + "</w:ftr>",
            "word/orrin-blackett/_rels/footer1.xml.rels": _rels([("rP", _REL + "image", "../media/Orrin%20at%20the%20park.png", False)]),
            # Relationships of a part the package does not have.
            "word/_rels/kezia-notes.xml.rels": _rels([("rX", _REL + "image", "media/Orrin%20at%20the%20park.png", False)]),
        },
        "overrides": {
            "/word/header-kezia-fairbairn.xml": _CT_BASE + "header+xml",
            "/word/orrin-blackett/footer1.xml": _CT_BASE + "footer+xml",
        },
    },
    "style named after a person, not marked as the author's": {
        "body": para(run("Styled.", '<w:rPr><w:rStyle w:val="OrrinBlackett"/></w:rPr>'), style="KeziaFairbairn"),
        "rels": [("rS", _REL + "styles", "styles.xml", False), ("rN", _REL + "numbering", "numbering.xml", False)],
        "parts": {
            "word/styles.xml": f"{_DECL}<w:styles {_NS}>"
            '<w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/><w:lsdException w:name="Kezia Fairbairn"/>'
            "</w:latentStyles>"
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="KeziaFairbairn"><w:name w:val="Kezia Fairbairn"/>'
            '<w:basedOn w:val="Heading1"/><w:next w:val="KeziaFairbairn"/><w:link w:val="OrrinBlackett"/></w:style>'
            '<w:style w:type="character" w:styleId="OrrinBlackett"><w:name w:val="Orrin Blackett"/>'
            '<w:link w:val="KeziaFairbairn"/></w:style>'
            '<w:style w:type="numbering" w:styleId="KeziaList"><w:name w:val="Kezia List"/></w:style>'
            "</w:styles>",
            "word/numbering.xml": f'{_DECL}<w:numbering {_NS}><w:abstractNum w:abstractNumId="0">'
            '<w:styleLink w:val="KeziaList"/></w:abstractNum><w:abstractNum w:abstractNumId="1">'
            '<w:numStyleLink w:val="KeziaList"/></w:abstractNum></w:numbering>',
        },
        "overrides": {"/word/styles.xml": _CT_BASE + "styles+xml", "/word/numbering.xml": _CT_BASE + "numbering+xml"},
    },
    "relationship ids in joined words": {
        "body": '<w:p><w:hyperlink r:id="rIdKeziaFairbairn"><w:r><w:t>Guidance</w:t></w:r></w:hyperlink></w:p>'
        + para('<w:r><w:pict><v:shape id="s2" style="width:10pt;height:10pt"><v:imagedata r:id="OrrinBlackettPhoto" '
               'o:relid="OrrinBlackettPhoto"/></v:shape></w:pict></w:r>'),
        "rels": [
            ("rIdKeziaFairbairn", _REL + "hyperlink", "https://example.org/guidance", True),
            ("OrrinBlackettPhoto", _REL + "image", "media/image1.png", False),
        ],
        "parts": {
            "word/media/image1.png": tiny_png(),
            "docProps/app.xml": f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Pages>1</Pages></Properties>",
        },
        "package_rels": [("KeziaProps", _REL + "extended-properties", "docProps/app.xml", False)],
    },
    "page background's picture title": {
        "background": '<w:background w:color="FFFFFF"><v:background id="bg">'
        '<v:fill r:id="rB" o:title="Kezia Fairbairn" type="frame"/></v:background></w:background>',
        "rels": [("rB", _REL + "image", "media/image1.png", False)],
    },
}


@pytest.fixture(scope="module")
def kezia_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("kezia-case"), CASE)


def _draft(folder: Path, place: dict) -> Path:
    parts = minimal_parts(BODY + place.get("body", ""))
    if "background" in place:
        document = parts["word/document.xml"].decode()
        parts["word/document.xml"] = document.replace("<w:body>", place["background"] + "<w:body>").encode()
        parts["word/media/image1.png"] = tiny_png()
    parts["word/_rels/document.xml.rels"] = _rels(place.get("rels", [])).encode()
    if "package_rels" in place:
        own = [("rId1", _REL + "officeDocument", "word/document.xml", False)]
        parts["_rels/.rels"] = _rels(own + place["package_rels"]).encode()
    for name, text in place.get("parts", {}).items():
        parts[name] = text.encode() if isinstance(text, str) else text
    for part, content_type in place.get("overrides", {}).items():
        types = parts["[Content_Types].xml"].decode()
        override = f'<Override PartName="{part}" ContentType="{content_type}"/>'
        parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    if any(name.endswith(".png") for name in place.get("parts", {})):
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace(
            "<Override", '<Default Extension="png" ContentType="image/png"/><Override', 1
        ).encode()
    return write_package(folder / "draft.docx", parts)


def _output(tmp_path: Path, draft: Path, settings: Settings, detector: Detector) -> dict[str, bytes]:
    process_document(draft, tmp_path / "out", settings, detector)
    with zipfile.ZipFile(tmp_path / "out" / "draft.anonymised.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _places_holding_a_planted_word(parts: dict[str, bytes]) -> list[str]:
    found = []
    for name, data in parts.items():
        for word in PLANTED:
            if word in name.lower() or any(word.encode(e) in data.lower() for e in ("utf-8", "utf-16-le", "utf-16-be")):
                found.append(f"{name}: {word}")
    return found


@pytest.mark.parametrize("place", list(PLACES))
def test_a_name_in_one_place_of_the_package_is_not_published(
    tmp_path: Path, place: str, kezia_settings: Settings, detector: Detector
) -> None:
    draft = _draft(tmp_path, PLACES[place])
    parts = _output(tmp_path, draft, kezia_settings, detector)
    assert _places_holding_a_planted_word(parts) == []


@pytest.mark.parametrize(
    ("place", "gone", "note"),
    [
        ("imported chunk saved as .xml", "word/afchunk1.xml", "unread part"),
        ("ActiveX control's properties", "word/activeX/activeX1.xml", "ActiveX control"),
        ("parts outside the Word document", "customUI/customUI14.xml", "unread part"),
        ("add-in's stored properties", "word/webextensions/webextension1.xml", "add-in"),
        ("macro key assignments", "word/customizations.xml", "macros"),
    ],
)
def test_a_removed_part_goes_with_what_shows_it_and_is_logged(
    tmp_path: Path, place: str, gone: str, note: str, kezia_settings: Settings, detector: Detector
) -> None:
    draft = _draft(tmp_path, PLACES[place])
    assert note in {n.kind for n in read_docx(draft, InputLimits()).notes if n.where == gone}
    parts = _output(tmp_path, draft, kezia_settings, detector)
    assert gone not in parts
    document = parts["word/document.xml"]
    assert b"altChunk" not in document and b"w:control" not in document
    assert gone.encode() not in parts["[Content_Types].xml"] + parts["word/_rels/document.xml.rels"]


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ('<w:p><w:permStart w:id="1" w:ed="HOUSEHOLD\\kzf01"/><w:r><w:t>Text.</w:t></w:r><w:permEnd w:id="1"/></w:p>',
         "editing permission"),
        ('<w:altChunk r:id="rA"/>', "imported chunk"),
    ],
)
def test_verification_refuses_what_the_writer_removes(tmp_path: Path, body: str, what: str) -> None:
    # The user is a login ("kzf01") no search for a redacted name finds; the chunk's part may
    # hold anything: their presence alone fails the output.
    draft = write_package(tmp_path / "out.docx", minimal_parts(BODY + body))
    report = verify_output(draft, "docx", [Variant("Kezia Fairbairn", False)], InputLimits(), [])
    assert not report.passed and what in report.hits[0]


def _base64_zip(text: str) -> str:
    import base64
    import io

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("drs/shapexml.xml", f"<a:t>{text}</a:t>")
    return base64.b64encode(data.getvalue()).decode()


_FIELD_DATA = __import__("base64").b64encode("Kezia Fairbairn".encode("utf-16-le")).decode()
_SHAPE_COPY = _base64_zip("Kezia Fairbairn")


@pytest.mark.parametrize(
    ("body", "stored", "attribute"),
    [
        pytest.param(
            f'<w:p><w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">{_FIELD_DATA}</w:fldData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>'
            "</w:r></w:p>",
            _FIELD_DATA, b"fldData", id="field-data",
        ),
        pytest.param(
            para(
                f'<w:r><w:pict><v:shape id="t1" o:gfxdata="{_SHAPE_COPY}" style="width:10pt;height:10pt"><v:textbox>'
                f'<w:txbxContent>{para(run("The mother."))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
            ),
            _SHAPE_COPY, b"gfxdata", id="shape-drawingml-copy",
        ),
    ],
)
def test_stored_data_no_search_reads_is_removed(
    tmp_path: Path, body: str, stored: str, attribute: bytes, kezia_settings: Settings, detector: Detector
) -> None:
    # Base64 of whatever Word kept (a field's data; a zipped DrawingML copy of a VML shape,
    # its text box's words with it): no search for a word finds it, and Word shows the field
    # and the shape without it.
    parts = _output(tmp_path, _draft(tmp_path, {"body": body}), kezia_settings, detector)
    assert stored.encode() not in parts["word/document.xml"] and attribute not in parts["word/document.xml"]


def test_a_local_link_is_logged_and_loses_its_path(tmp_path: Path, kezia_settings: Settings, detector: Detector) -> None:
    draft = _draft(tmp_path, PLACES["link to a file on the author's computer"])
    assert [n.kind for n in read_docx(draft, InputLimits()).notes if n.kind == "local link"] == ["local link"]
    parts = _output(tmp_path, draft, kezia_settings, detector)
    assert b"Users" not in parts["word/_rels/document.xml.rels"]
    # The link stays, going nowhere (its id renumbered as Word numbers them).
    assert b'<w:hyperlink r:id="rId1">' in parts["word/document.xml"]
    assert b'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ' \
        b'Target="file:///local-file-removed"' in parts["word/_rels/document.xml.rels"]


def test_a_listed_name_this_draft_never_names_is_still_searched_for(
    tmp_path: Path, kezia_settings: Settings, detector: Detector
) -> None:
    # An attribute in a namespace Word ignores is read by no stage; only verification sees
    # it. It searched only for what this draft redacted, and the body names nobody, so the
    # family's names were published. The case file's people are now searched for whether or
    # not the draft names them: the draft is refused, and nothing is written.
    from anonymiser.errors import VerificationError

    body = '<w:p xmlns:kz="urn:example:kz" kz:note="for Kezia Fairbairn"><w:r><w:t>Seen.</w:t></w:r></w:p>'
    with pytest.raises(VerificationError):
        _output(tmp_path, _draft(tmp_path, {"body": body}), kezia_settings, detector)
    assert not list((tmp_path / "out").glob("*"))


@pytest.mark.parametrize(
    "text",
    [
        "Hope was expressed that the housing office would help. Grace periods applied.",
        "The GP at Hill Top Surgery saw the family. Early Help was offered.",
        "K.M. and G.E. are the initials used in the health records of another family.",
    ],
)
def test_a_listed_name_that_is_an_ordinary_word_is_not_searched_for_when_unnamed(
    tmp_path: Path, text: str, detector: Detector
) -> None:
    # Grace Early, Hope Fairbrother and Jane Hill are listed but not named here: their names
    # that are ordinary words, and initials, stand in the draft meaning something else.
    case = (
        'people:\n  - {name: "Grace Early", aliases: ["Grace", "G.E."], role: "subject child", group: family, pseudonym: "Child G"}\n'
        '  - {name: "Hope Fairbrother", aliases: ["Hope"], role: "sister", group: family, pseudonym: "Sibling 1"}\n'
        '  - {name: "Jane Hill", aliases: ["Ms Hill"], role: "social worker", group: professional, pseudonym: "Social Worker 1"}\n'
    )
    settings = settings_with_case(tmp_path, case)
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    process_document(draft, tmp_path / "out", settings, detector)
    assert (tmp_path / "out" / "draft.anonymised.txt").exists()


def _style_references(parts: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """(style ids the styles part defines, style ids any part refers to)."""
    from lxml import etree

    from anonymiser.read.ooxml import w

    tags = ("pStyle", "rStyle", "basedOn", "next", "link", "styleLink", "numStyleLink")
    defined: set[str] = set()
    used: set[str] = set()
    for name, data in parts.items():
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        root = etree.fromstring(data)
        defined |= {s.get(w("styleId")) for s in root.iter(w("style"))}
        used |= {el.get(w("val")) for el in root.iter(*(w(t) for t in tags))}
    return defined, used


@pytest.mark.parametrize(
    "place",
    ["part named after a person", "style named after a person, not marked as the author's", "relationship ids in joined words"],
)
def test_names_word_never_gives_are_made_neutral_without_a_case_file(
    tmp_path: Path, place: str, settings: Settings, detector: Detector
) -> None:
    # Without the case file nothing searches for the family's names: the writer alone must
    # leave no part name or style it did not recognise as Word's own. What points at a
    # renamed part or style follows it, and the output still opens.
    import docx

    draft = _draft(tmp_path, PLACES[place])
    parts = _output(tmp_path, draft, settings, detector)
    assert _places_holding_a_planted_word(parts) == []
    opened = docx.Document(str(tmp_path / "out" / "draft.anonymised.docx"))
    assert "word/document.xml" in parts and "[Content_Types].xml" in parts
    if place == "part named after a person":
        section = opened.sections[0]
        assert not section.header.is_linked_to_previous and not section.footer.is_linked_to_previous
        for part in (section.header.part, section.footer.part):
            name = str(part.partname).lstrip("/")
            assert name in parts and f'PartName="/{name}"'.encode() in parts["[Content_Types].xml"]
            assert [str(rel.target_part.partname).lstrip("/") for rel in part.rels.values()] == ["word/media/image1.png"]
    elif place == "relationship ids in joined words":
        import re

        ids = set(re.findall(rb' Id="([^"]+)"', parts["word/_rels/document.xml.rels"]))
        used = set(re.findall(rb'(?:r:id|o:relid)="([^"]+)"', parts["word/document.xml"]))
        assert ids == {b"rId1", b"rId2"} and used == ids
        assert opened.part.rels["rId2"].target_part.partname == "/word/media/image1.png"
    else:
        defined, used = _style_references(parts)
        assert used <= defined
        assert {"Normal", "Heading1"} <= defined and b'w:val="heading 1"' in parts["word/styles.xml"]
        assert opened.paragraphs[1].style.style_id in defined


def test_a_typeface_named_after_a_listed_person_is_refused(tmp_path: Path, kezia_settings: Settings, detector: Detector) -> None:
    # Typeface names are kept (Word draws the text with them) and single words in them are
    # not searched ("Georgia", "Gill Sans"); a listed person's full name as a font is still
    # a leak, so the draft is refused.
    from anonymiser.errors import VerificationError

    body = para('<w:r><w:rPr><w:rFonts w:ascii="Orrin Blackett"/></w:rPr><w:sym w:font="Kezia Fairbairn" w:char="F04A"/></w:r>')
    with pytest.raises(VerificationError):
        _output(tmp_path, _draft(tmp_path, {"body": body}), kezia_settings, detector)


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("https://example.org/page", True),
        ("www.example.org/page", True),
        ("WWW.example.org", True),
        ("example.org.uk/services/early-help", True),
        ("file:///C:/Users/KeziaF/notes.docx", False),
        ("C:\\Users\\KeziaF\\notes.docx", False),
        ("c:/Users/KeziaF/notes.docx", False),
        ("\\\\fileserver\\KeziaF\\notes.docx", False),
        ("../Shared/KeziaF/notes.docx", False),
        ("Chronology%20KeziaF.docx", False),
        ("notes.docx", False),
        ("Documents/KeziaF.pdf", False),
        ("/home/keziaf/notes.odt", False),
    ],
)
def test_only_links_to_files_lose_their_path(target: str, kept: bool) -> None:
    from anonymiser.read.docx import local_link

    assert local_link(target) is not kept


def test_a_web_address_without_scheme_is_read_as_a_link(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    # Read and redacted as any web address is ("(web address)" under scr), not taken for a
    # file: its replacement has no scheme either, and must not then be taken for one.
    link = '<w:p><w:hyperlink r:id="rL"><w:r><w:t>Early help</w:t></w:r></w:hyperlink></w:p>'
    place = {"body": link, "rels": [("rL", _REL + "hyperlink", "www.example.org/early-help", True)]}
    draft = _draft(tmp_path, place)
    read = read_docx(draft, InputLimits())
    assert "local link" not in {n.kind for n in read.notes}
    assert "www.example.org/early-help" in [u.text for u in read.units]
    parts = _output(tmp_path, draft, settings, detector)
    assert b"local-file-removed" not in parts["word/_rels/document.xml.rels"]


def test_a_typed_name_in_the_latent_list_does_not_exempt_a_style_of_that_name(tmp_path: Path) -> None:
    # Word's own style names are not searched ("Strong", "Title"); which names are Word's was
    # taken from the package's latent list, where a typed name exempted itself.
    styles = (
        f'{_DECL}<w:styles {_NS}><w:latentStyles><w:lsdException w:name="Kezia Fairbairn"/>'
        '<w:lsdException w:name="Strong"/></w:latentStyles>'
        '<w:style w:type="paragraph" w:styleId="KeziaFairbairn"><w:name w:val="Kezia Fairbairn"/></w:style>'
        '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style></w:styles>'
    )
    parts = {**minimal_parts(BODY), "word/styles.xml": styles.encode()}
    output = write_package(tmp_path / "out.docx", parts)
    assert not verify_output(output, "docx", [Variant("Kezia Fairbairn", False)], InputLimits(), []).passed
    assert verify_output(output, "docx", [Variant("Strong", False)], InputLimits(), []).passed
