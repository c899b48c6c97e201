"""Uploads and the media library: a photo's EXIF, GPS and XMP gone from
the stored file, renditions of a wide picture, forged types refused, a
file named .php stored as an inert JPEG, the size limit (with its
message), CSRF and origin checks on the multipart form, the library page,
and editing a file's texts (audited, and the items showing them touched).

Bodies are built here byte by byte, so each test says exactly which part
comes first."""

import base64
import os
import re
import struct
import uuid
import zlib

import pytest

from adminlib import doc, path_of

LIMIT = 50 * 1000 * 1000        # [admin] max_upload_mb default, in bytes
NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp|gif|pdf)$")

# A 64x32 grey gradient, baseline JPEG, no metadata (made with libvips).
JPEG = base64.b64decode(
    "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4"
    "UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAgAEADASIA"
    "AhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABQYH/8QAFRABAQAAAAAAAAAAAAAAAAAA"
    "AAP/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwD"
    "AQACEQMRAD8AhoEID4EIAQgQgPgQgBCBCA+BCAEIEID4EIAw+BCA+BCAEIEID4EIAQgQ"
    "gPgQgBCBCA+BCAP/2Q==")

# The GPS latitude 51/1 30/1 1234/100 as little-endian rationals.
GPS_LAT = struct.pack("<6I", 51, 1, 30, 1, 1234, 100)
PHP = b"<?php system($_GET['c']); ?>"


def exif_block():
    """An APP1 EXIF segment: IFD0 with Orientation 6 (turn clockwise) and
    a GPS IFD with latitude and longitude."""
    gps_ifd = 8 + 2 + 2 * 12 + 4
    lat = gps_ifd + 2 + 5 * 12 + 4
    lon = lat + 24
    t = b"II*\x00" + struct.pack("<I", 8)
    t += struct.pack("<H", 2)
    t += struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0)
    t += struct.pack("<HHII", 0x8825, 4, 1, gps_ifd)
    t += struct.pack("<I", 0)
    t += struct.pack("<H", 5)
    t += struct.pack("<HHI", 0x0000, 1, 4) + b"\x02\x02\x00\x00"
    t += struct.pack("<HHI", 0x0001, 2, 2) + b"N\x00\x00\x00"
    t += struct.pack("<HHII", 0x0002, 5, 3, lat)
    t += struct.pack("<HHI", 0x0003, 2, 2) + b"E\x00\x00\x00"
    t += struct.pack("<HHII", 0x0004, 5, 3, lon)
    t += struct.pack("<I", 0)
    t += GPS_LAT + struct.pack("<6I", 7, 1, 12, 1, 3456, 100)
    body = b"Exif\x00\x00" + t
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def xmp_block():
    body = (b"http://ns.adobe.com/xap/1.0/\x00"
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
            b'"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description'
            b' xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude='
            b'"51,30.2057N"/></rdf:RDF></x:xmpmeta>')
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def comment_block(text):
    return b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text


def jpeg_with_metadata():
    return JPEG[:2] + exif_block() + xmp_block() + comment_block(PHP) + \
        JPEG[2:]


def png(width, height):
    """An RGB gradient PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw += bytes((x * 255 // width, y * 255 // height, 90))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0,
                                       0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 6)) +
            chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
       b"trailer << /Root 1 0 R >>\n%%EOF\n")


def multipart(parts):
    """parts: (name, value) for a field, (name, filename, bytes, type) for
    a file.  Returns the body and its Content-Type."""
    boundary = "----broadside" + uuid.uuid4().hex
    out = []
    for p in parts:
        out.append(b"--" + boundary.encode() + b"\r\n")
        if len(p) == 2:
            out.append(b'Content-Disposition: form-data; name="%s"\r\n\r\n'
                       % p[0].encode())
            v = p[1]
            out.append(v if isinstance(v, bytes) else v.encode())
        else:
            name, filename, data, ctype = p
            out.append(b'Content-Disposition: form-data; name="%s"; '
                       b'filename="%s"\r\nContent-Type: %s\r\n\r\n'
                       % (name.encode(), filename.encode(), ctype.encode()))
            out.append(data)
        out.append(b"\r\n")
    out.append(b"--" + boundary.encode() + b"--\r\n")
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def upload(client, parts, csrf=True, origin=True, base=None):
    """POSTs a multipart body to /admin/media/ (through the server at base,
    nginx by default); csrf=True puts the page's token first."""
    if client.csrf is None:
        client.get("/admin/media/")
    if csrf is True:
        parts = [("_csrf", client.csrf)] + list(parts)
    body, ctype = multipart(parts)
    headers = {"Content-Type": ctype}
    if origin is True:
        headers["Origin"] = client.base
    elif origin:
        headers["Origin"] = origin
    url = (base or client.base) + "/admin/media/"
    return client.s.post(url, data=body, headers=headers,
                         allow_redirects=False, timeout=300)


def media_rows(stack, where="1=1"):
    return stack.admin_rows(
        "SELECT id, filename, original_name, mime, bytes, width, height, "
        "alt, caption, credit, uploaded_by FROM media WHERE %s "
        "ORDER BY id" % where)


def max_media_id(stack):
    r = stack.admin_rows("SELECT COALESCE(MAX(id), 0) FROM media")
    return int(r[0][0])


def stored_files(stack):
    return set(f for f in os.listdir(stack.path("media")) if f != ".tmp")


def temp_files(stack):
    d = stack.path("media", ".tmp")
    return os.listdir(d) if os.path.isdir(d) else []


def field_error(resp, name):
    return " ".join(" ".join(e.text_content().split())
                    for e in doc(resp).xpath("//p[@id='e-%s']" % name))


def uploaded(stack, resp, since):
    """The new media row of a successful upload."""
    assert resp.status_code == 303, (resp.status_code, resp.text[:3000])
    rows = media_rows(stack, "id > %d" % since)
    assert len(rows) == 1, rows
    return rows[0]


def test_jpeg_loses_exif_gps_and_xmp(stack, signed_in, server):
    ed = signed_in("editor")
    before = max_media_id(stack)
    data = jpeg_with_metadata()
    assert b"Exif" in data and GPS_LAT in data and PHP in data
    r = upload(ed, [("file", "protest.jpg", data, "image/jpeg"),
                    ("alt", "Marchers with a banner outside the ministry"),
                    ("caption", "The march on 3 March."),
                    ("credit", "Photo: Network member")])
    assert path_of(r.headers["Location"]) == "/admin/media/?done=uploaded"
    mid, filename, orig, mime, size, w, h, alt, cap, credit, by = \
        uploaded(stack, r, before)
    assert NAME.match(filename) and filename.endswith(".jpg")
    assert orig == "protest.jpg" and mime == "image/jpeg"
    # Orientation 6 is applied to the pixels: 64x32 becomes 32x64.
    assert (w, h) == ("32", "64")
    assert alt == "Marchers with a banner outside the ministry"
    assert cap == "The march on 3 March." and credit == "Photo: Network member"
    assert by == stack.admin_rows(
        "SELECT id FROM users WHERE login = 'eddie'")[0][0]
    with open(stack.path("media", filename), "rb") as f:
        disk = f.read()
    assert len(disk) == int(size)
    g = server.get("/media/" + filename)
    assert g.status_code == 200
    assert g.headers["Content-Type"] == "image/jpeg"
    assert g.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in g.headers["Content-Security-Policy"]
    body = g.content
    assert body == disk and body[:2] == b"\xff\xd8"
    for bad in (b"Exif", GPS_LAT, b"xmpmeta", b"ns.adobe.com", b"<?php",
                b"\xff\xe1"):
        assert bad not in body, bad
    # Too small for renditions.
    assert not os.path.exists(stack.path(
        "media", filename.replace(".jpg", "-480.jpg")))
    audit = stack.admin_rows(
        "SELECT detail FROM audit_log WHERE action = 'upload' AND "
        "object_type = 'media' AND object_id = %s" % mid)
    assert len(audit) == 1 and "protest.jpg" in audit[0][0]
    assert temp_files(stack) == []


def test_wide_png_has_renditions(stack, signed_in, nginx):
    ed = signed_in("editor")
    before = max_media_id(stack)
    r = upload(ed, [("file", "banner.png", png(1200, 30), "image/png")])
    mid, filename, orig, mime, size, w, h = uploaded(stack, r, before)[:7]
    assert NAME.match(filename) and filename.endswith(".png")
    assert mime == "image/png" and (w, h) == ("1200", "30")
    stem = filename[:-4]
    for width in (480, 960):
        g = nginx.get("/media/%s-%d.png" % (stem, width))
        assert g.status_code == 200 and g.headers["Content-Type"] == \
            "image/png"
        assert struct.unpack(">I", g.content[16:20])[0] == width
    assert nginx.get("/media/%s-1600.png" % stem).status_code == 404
    # The library shows the 480 rendition as the thumbnail, with its name.
    d = doc(ed.get("/admin/media/"))
    links = d.xpath("//a[@href='%s/admin/media/%s']" % (ed.base, mid))
    assert links and links[0].text_content().strip() == "banner.png"
    assert d.xpath("//img[contains(@src, '/media/%s-480.png')]" % stem)


@pytest.mark.parametrize("filename,data,claimed", [
    ("photo.jpg", b"<!DOCTYPE html>\n<html><body><script>alert(document."
     b"cookie)</script></body></html>\n", "image/jpeg"),
    ("photo.jpg", b"<?php\necho shell_exec($_GET['c']);\n?>\n", "image/jpeg"),
    ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
     b"</script></svg>\n", "image/png"),
    ("report.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf"),
    ("page.html", b"<html><body>hi</body></html>", "text/html"),
])
def test_forged_type_refused(stack, signed_in, filename, data, claimed):
    ed = signed_in("author")
    before, files = max_media_id(stack), stored_files(stack)
    r = upload(ed, [("file", filename, data, claimed),
                    ("alt", "kept after the error")])
    assert r.status_code == 415, (r.status_code, r.text[:2000])
    assert "not an allowed type" in field_error(r, "file")
    # The form is shown again with what was typed.
    assert doc(r).xpath("//input[@name='alt']/@value") == \
        ["kept after the error"]
    assert max_media_id(stack) == before
    assert stored_files(stack) == files and temp_files(stack) == []


def test_undecodable_image_refused(stack, signed_in):
    ed = signed_in("editor")
    before = max_media_id(stack)
    r = upload(ed, [("file", "broken.jpg", JPEG[:60], "image/jpeg")])
    assert r.status_code == 415
    assert field_error(r, "file")
    assert max_media_id(stack) == before


def test_php_name_stored_as_inert_jpeg(stack, signed_in, server):
    """A real JPEG named .php (with PHP in a comment) is stored under a
    generated .jpg name, re-encoded, and served as an image: no web
    server runs it or calls it HTML."""
    ed = signed_in("editor")
    before = max_media_id(stack)
    data = JPEG[:2] + comment_block(PHP) + JPEG[2:]
    r = upload(ed, [("file", "../../shell.php", data,
                     "application/x-httpd-php")])
    mid, filename, orig = uploaded(stack, r, before)[:3]
    assert NAME.match(filename) and filename.endswith(".jpg")
    assert orig == "shell.php"
    assert not [f for f in stored_files(stack) if f.startswith("shell")]
    g = server.get("/media/" + filename)
    assert g.status_code == 200
    assert g.headers["Content-Type"] == "image/jpeg"
    assert "html" not in g.headers["Content-Type"]
    assert g.content[:2] == b"\xff\xd8" and b"<?php" not in g.content
    # The client's name is not a path on the server.
    assert server.get("/media/shell.php").status_code == 404


def test_pdf_stored_as_it_is(stack, signed_in, nginx):
    ed = signed_in("translator")
    before = max_media_id(stack)
    r = upload(ed, [("file", "annual report.pdf", PDF, "application/pdf"),
                    ("alt", "Annual report 2025")])
    mid, filename, orig, mime, size, w, h = uploaded(stack, r, before)[:7]
    assert filename.endswith(".pdf") and mime == "application/pdf"
    assert int(size) == len(PDF) and (w, h) == ("NULL", "NULL")
    g = nginx.get("/media/" + filename)
    assert g.status_code == 200 and g.content == PDF
    assert g.headers["Content-Type"] == "application/pdf"


def test_upload_for_an_item_returns_to_it(stack, signed_in):
    ed = signed_in("editor")
    before = max_media_id(stack)
    r = upload(ed, [("item", "4"), ("role", "gallery"),
                    ("file", "p.png", png(20, 20), "image/png")])
    mid = uploaded(stack, r, before)[0]
    assert path_of(r.headers["Location"]) == \
        "/admin/items/4?add_media=%s&role=gallery" % mid
    # The library offers the item's form back, and each file for it.
    d = doc(ed.get("/admin/media/?item=4&role=hero"))
    assert d.xpath("//form[@enctype='multipart/form-data']"
                   "//input[@name='item'][@value='4']")
    assert d.xpath("//a[contains(@href, '/admin/items/4?add_media=%s&role="
                   "hero')]" % mid)
    # A role that is not one is refused, and nothing is stored.
    before = max_media_id(stack)
    r = upload(ed, [("item", "4"), ("role", "wallpaper"),
                    ("file", "p.png", png(20, 20), "image/png")])
    assert r.status_code == 422 and field_error(r, "file")
    assert max_media_id(stack) == before


def test_form_errors(stack, signed_in):
    ed = signed_in("editor")
    before = max_media_id(stack)
    # No file chosen: browsers send an empty filename and no bytes.
    r = upload(ed, [("file", "", b"", "application/octet-stream"),
                    ("alt", "something")])
    assert r.status_code == 422
    assert "Choose a file" in field_error(r, "file")
    r = upload(ed, [("file", "x.png", png(8, 8), "image/png"),
                    ("alt", "a" * 501)])
    assert r.status_code == 422 and field_error(r, "alt")
    r = upload(ed, [("file", "empty.jpg", b"", "image/jpeg")])
    assert r.status_code == 422 and "empty" in field_error(r, "file")
    assert max_media_id(stack) == before
    # Not multipart at all.
    r = ed.post("/admin/media/", {"alt": "x"})
    assert r.status_code == 400 and "multipart" in field_error(r, "file")
    # Cut short: the body ends before its close delimiter.
    body, ctype = multipart([("_csrf", ed.csrf),
                             ("file", "x.png", png(8, 8), "image/png")])
    r = ed.s.post(ed.base + "/admin/media/", data=body[:-30],
                  headers={"Content-Type": ctype, "Origin": ed.base},
                  allow_redirects=False, timeout=60)
    assert r.status_code == 400 and "cut short" in field_error(r, "file")
    assert max_media_id(stack) == before and temp_files(stack) == []


def test_csrf_checked_before_any_file_byte(stack, signed_in):
    ed = signed_in("editor")
    ed.get("/admin/media/")
    before, files = max_media_id(stack), stored_files(stack)
    image = ("file", "x.png", png(8, 8), "image/png")
    cases = [
        [image],                                    # no token at all
        [("_csrf", "not-the-token"), image],        # a wrong one
        [image, ("_csrf", ed.csrf)],                # right, but too late
        [("alt", "x"), ("_csrf", ed.csrf), image],  # not the first field
    ]
    for parts in cases:
        r = upload(ed, parts, csrf=False)
        assert r.status_code == 403, parts[0][0]
    # Another session's token is no good either.
    other = signed_in("author")
    other.get("/admin/media/")
    r = upload(ed, [("_csrf", other.csrf), image], csrf=False)
    assert r.status_code == 403
    assert max_media_id(stack) == before
    assert stored_files(stack) == files and temp_files(stack) == []


def test_cross_origin_upload_refused(stack, signed_in, anon):
    ed = signed_in("editor")
    before = max_media_id(stack)
    image = ("file", "x.png", png(8, 8), "image/png")
    r = upload(ed, [image], origin="https://evil.example")
    assert r.status_code == 403
    # Nobody signed in: the file cannot be kept across a sign-in.
    anon.csrf = "none"
    r = upload(anon, [image])
    assert r.status_code != 303
    assert max_media_id(stack) == before


@pytest.mark.parametrize("via", ["nginx", "apache"])
def test_upload_over_the_limit(stack, signed_in, via):
    """One byte over 50 MB: read to the end, refused with the limit in
    words, nothing kept.  Apache is sent the same session and Origin."""
    ed = signed_in("editor")
    before = max_media_id(stack)
    base = stack.nginx_url if via == "nginx" else stack.apache_url
    big = b"\xff\xd8\xff\xe0" + b"\x00" * (LIMIT - 3)
    r = upload(ed, [("file", "huge.jpg", big, "image/jpeg")], base=base)
    assert r.status_code == 413, (r.status_code, r.text[:2000])
    assert "larger than the 50 MB limit" in field_error(r, "file")
    assert max_media_id(stack) == before and temp_files(stack) == []
    # Exactly the limit passes the size check (and fails the type one).
    big = b"<html>" + b"x" * (LIMIT - 6)
    r = upload(ed, [("file", "limit.jpg", big, "image/jpeg")], base=base)
    assert r.status_code == 415
    assert max_media_id(stack) == before and temp_files(stack) == []


def test_far_over_the_limit_refused_at_once(stack, signed_in):
    ed = signed_in("editor")
    before = max_media_id(stack)
    big = b"\xff\xd8" + b"\x00" * (LIMIT + 3 * 1000 * 1000)
    r = upload(ed, [("file", "huger.jpg", big, "image/jpeg")])
    assert r.status_code == 413
    assert "larger than the 50 MB limit" in field_error(r, "file")
    assert max_media_id(stack) == before and temp_files(stack) == []


def make_draft(stack):
    """A draft of our own that uses nothing yet; returns its id."""
    stack.admin_sql(
        "INSERT INTO translation_groups (created_at) VALUES "
        "(UTC_TIMESTAMP()); INSERT INTO items (kind, lang, group_id, slug, "
        "title, summary, body_md, body_html, status, created_at, "
        "updated_at) VALUES ('news', 'en', LAST_INSERT_ID(), "
        "'media-test-draft', 'Media test draft', '', '', '', 'draft', "
        "UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY)")
    return int(stack.admin_rows(
        "SELECT id FROM items WHERE slug = 'media-test-draft'")[0][0])


def drop_draft(stack, iid):
    g = stack.admin_rows("SELECT group_id FROM items WHERE id = %d" % iid)
    stack.admin_sql("DELETE FROM items WHERE id = %d" % iid)
    if g:
        stack.admin_sql("DELETE FROM translation_groups WHERE id = %s AND "
                        "NOT EXISTS (SELECT 1 FROM items WHERE group_id = "
                        "%s)" % (g[0][0], g[0][0]))


def test_edit_texts(stack, signed_in):
    ed = signed_in("author")          # aude uploads
    before = max_media_id(stack)
    r = upload(ed, [("file", "river.png", png(40, 20), "image/png"),
                    ("alt", "A river")])
    mid = int(uploaded(stack, r, before)[0])
    iid = make_draft(stack)
    try:
        stack.admin_sql("INSERT INTO item_media (item_id, media_id, role) "
                        "VALUES (%d, %d, 'gallery')" % (iid, mid))
        version, updated = stack.admin_rows(
            "SELECT version, updated_at FROM items WHERE id = %d" % iid)[0]
        gen = stack.admin_rows("SELECT generation FROM site_state")[0][0]

        # The page shows the file and the item using it.
        page = ed.get("/admin/media/%d" % mid)
        assert page.status_code == 200
        d = doc(page)
        assert d.xpath("//a[@href='%s/admin/items/%d']" % (ed.base, iid))
        assert d.xpath("//input[@name='alt']/@value") == ["A river"]

        # The uploader may change them.
        action, pairs = ed.form_fields(page, "//form[@method='post' and "
                                       "contains(@action, '/admin/media/')]")
        assert action == "%s/admin/media/%d" % (ed.base, mid)
        pairs = [(k, v) for k, v in pairs if k != "_csrf"]
        pairs = [(k, {"alt": "A river at dusk, seen from the bridge",
                      "credit": "Photo: R. Bank"}.get(k, v))
                 for k, v in pairs]
        r = ed.post("/admin/media/%d" % mid, pairs)
        assert r.status_code == 303, (r.status_code, r.text[:2000])
        assert path_of(r.headers["Location"]) == \
            "/admin/media/%d?done=saved" % mid
        row = media_rows(stack, "id = %d" % mid)[0]
        assert row[7] == "A river at dusk, seen from the bridge"
        assert row[9] == "Photo: R. Bank"
        audit = stack.admin_rows(
            "SELECT u.login FROM audit_log a JOIN users u ON u.id = "
            "a.user_id WHERE a.action = 'media-update' AND a.object_id = %d"
            % mid)
        assert audit == [["aude"]]
        # The item shows the file's own texts: its validators change.
        v2, u2 = stack.admin_rows(
            "SELECT version, updated_at FROM items WHERE id = %d" % iid)[0]
        assert int(v2) == int(version) + 1 and u2 > updated
        assert int(stack.admin_rows(
            "SELECT generation FROM site_state")[0][0]) > int(gen)

        # Too long: shown again with the text kept, nothing changed.
        r = ed.post("/admin/media/%d" % mid, {"alt": "b" * 501,
                                               "caption": "c"})
        assert r.status_code == 422 and field_error(r, "alt")
        assert doc(r).xpath("//textarea[@name='caption']")[0].text == "c"
        assert media_rows(stack, "id = %d" % mid)[0][8] == ""

        # Another author may look but not change; an editor may.
        otto = signed_in("otto")
        assert otto.get("/admin/media/%d" % mid).status_code == 200
        assert not doc(otto.get("/admin/media/%d" % mid)).xpath(
            "//input[@name='alt']")
        r = otto.post("/admin/media/%d" % mid, {"alt": "defaced"})
        assert r.status_code == 403
        r = signed_in("editor").post("/admin/media/%d" % mid,
                                     {"alt": "A river", "caption": "",
                                      "credit": ""})
        assert r.status_code == 303
        assert media_rows(stack, "id = %d" % mid)[0][7] == "A river"

        # The library counts the use.
        d = doc(ed.get("/admin/media/"))
        row = d.xpath("//tr[.//a[@href='%s/admin/media/%d']]" %
                      (ed.base, mid))
        assert row and "1 item" in row[0].text_content()
    finally:
        drop_draft(stack, iid)
    assert ed.get("/admin/media/999999999").status_code == 404
    assert ed.post("/admin/media/999999999", {"alt": "x"}).status_code == 404


def test_library_pages(stack, signed_in):
    ed = signed_in("translator")
    r = ed.get("/admin/media/")
    assert r.status_code == 200
    d = doc(r)
    form = d.xpath("//form[@enctype='multipart/form-data']")[0]
    assert form.get("method") == "post"
    # The token is the form's first field.
    first = form.xpath(".//input|.//textarea|.//select")[0]
    assert first.get("name") == "_csrf"
    assert d.xpath("//label[@for='f-file']")
    assert ed.get("/admin/media/?page=0").status_code == 400
    assert ed.get("/admin/media/?page=x").status_code == 400
    assert ed.get("/admin/media/?page=999").status_code == 200


def test_published_picture_offers_its_renditions(stack, signed_in, nginx):
    """An uploaded picture in a published item's gallery: the public page's
    <img> has a srcset of the renditions, each of which is served."""
    ed = signed_in("editor")
    _, pairs = ed.form_fields("/admin/items/new?kind=news&lang=en",
                              "//form[.//textarea]")
    pairs = [(k, v) for k, v in pairs
             if k not in ("title", "summary", "body", "slug")]
    pairs += [("title", "Renditions on the public page"),
              ("summary", "A wide picture in a gallery."),
              ("body", "Pictures come in sizes.")]
    r = ed.post("/admin/items/new", pairs, csrf=False)
    assert r.status_code == 303, r.text[:2000]
    iid = path_of(r.headers["Location"]).split("/")[3].split("?")[0]
    before = max_media_id(stack)
    r = upload(ed, [("item", iid), ("role", "gallery"),
                    ("file", "wide.png", png(1200, 300), "image/png")])
    mid, filename = uploaded(stack, r, before)[:2]
    # The edit form comes back with a row for the new picture.
    form = ed.get(path_of(r.headers["Location"]))
    _, pairs = ed.form_fields(form, "//form[.//textarea]")
    assert ("media_id", str(mid)) in pairs
    # Alt text for the new row (the rows are in order; empty ones stay).
    row = [v for k, v in pairs if k == "media_id"].index(str(mid))
    alts = [i for i, (k, _) in enumerate(pairs) if k == "media_alt"]
    pairs[alts[row]] = ("media_alt", "A wide test picture")
    r = ed.post("/admin/items/%s" % iid, pairs, csrf=False)
    assert r.status_code == 303, [e.text_content() for e in
                                  doc(r).xpath("//div[@class='error-summary']")]
    version = stack.admin_rows("SELECT version FROM items WHERE id = %s"
                               % iid)[0][0]
    r = ed.post("/admin/items/%s/status" % iid, {"to": "published",
                                                  "version": version})
    assert r.status_code == 303, r.text[:2000]
    slug = stack.admin_rows("SELECT slug FROM items WHERE id = %s" % iid)
    page = nginx.get("/en/news/%s" % slug[0][0])
    assert page.status_code == 200
    stem = filename[:-4]
    img = doc(page).xpath("//img[contains(@src, '%s')]" % stem)
    assert img, page.text[:3000]
    srcset = img[0].get("srcset")
    assert "/media/%s-480.png 480w" % stem in srcset
    assert "/media/%s-960.png 960w" % stem in srcset
    assert "/media/%s.png 1200w" % stem in srcset
    assert img[0].get("sizes")
    for part in srcset.split(","):
        url = part.split()[0]
        assert nginx.get(url).status_code == 200, url
    # Imported pictures have no renditions, and no srcset.
    for u in doc(nginx.get("/en/news/")).xpath("//img/@srcset"):
        assert stem in u


def test_library_thumbnails_all_exist(stack, signed_in, nginx):
    """Imported pictures have no renditions: their thumbnails are the
    files themselves, never a missing -480 copy."""
    ed = signed_in("editor")
    d = doc(ed.get("/admin/media/"))
    srcs = d.xpath("//img/@src")
    assert srcs
    for src in srcs:
        assert nginx.get(path_of(src) if src.startswith("http") else
                         src).status_code == 200, src
