"""Bytes → text: the encodings Chinese sites use, and a reason for everything else."""
import pytest

from kg.errors import DecodeError
from loaders.decode import decode_bytes

TEXT = "全县组织党员干部开展志愿服务活动，群众满意度明显提升。"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_chinese_encodings(encoding):
    text = "全縣組織黨員幹部開展志願服務活動。" if encoding == "big5" else TEXT
    decoded, used = decode_bytes(text.encode(encoding))
    assert (decoded, used) == (text, encoding)


def test_byte_order_marks():
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode())[0] == TEXT
    assert decode_bytes(TEXT.encode("utf-16"))[0] == TEXT


@pytest.mark.parametrize("data,reason", [(b"  \n", "empty file"), (bytes(range(256)) * 4, "binary")])
def test_not_an_article(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
