"""The cache key: card data (data/pemdi/) recomputes the plans' cards but not the robust moves."""
import shutil

from spbe_analysis import cache
from spbe_analysis.config import data_dir


def test_card_data_is_left_out_of_the_robust_moves_key_only(tmp_path, monkeypatch):
    d = tmp_path / "data"
    shutil.copytree(data_dir(), d)
    monkeypatch.setattr(cache, "data_dir", lambda: d)
    full, moves = cache.stamp(), cache.stamp(cards=False)
    (d / "pemdi" / "owners.csv").write_text((d / "pemdi" / "owners.csv").read_text() + "\n")
    assert cache.stamp() != full, "a changed card changes the plans' key"
    assert cache.stamp(cards=False) == moves, "... but not the robust moves' key"
    p = d / "assumptions" / "plan_settings.csv"
    p.write_text(p.read_text() + "\n")
    assert cache.stamp(cards=False) != moves, "a changed plan setting changes both"
