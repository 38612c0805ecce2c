"""UTF-8 with a damaged byte is refused (E103), never decoded as windows-1256 mojibake."""

from __future__ import annotations

import pytest

from marsad.errors import EncodingError
from marsad.ingest.decode import decode_bytes

TEXT = "قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة، وإن الجولة المقبلة ستعقد الشهر المقبل."


@pytest.mark.parametrize("at", [10, 40, 90])
def test_decode_damaged_utf8_is_refused(at: int) -> None:
    data = bytearray(TEXT.encode())
    data[at] = 0xFF
    with pytest.raises(EncodingError) as err:
        decode_bytes(bytes(data), "x.txt")
    assert err.value.code == "E103"
    assert err.value.message.startswith("x.txt: damaged UTF-8: ")
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        assert f", the first at byte {exc.start} ({exc.reason}); " in err.value.message
    assert err.value.message.endswith("the rest is UTF-8, so it is not read as windows-1256")


def test_decode_damaged_utf8_real_windows_1256_still_decodes() -> None:
    dec = decode_bytes(TEXT.encode("windows-1256"), "x.txt")
    assert (dec.text, dec.encoding) == (TEXT, "windows-1256")
