"""Settings: every one documented, production refuses to run without credentials."""

from __future__ import annotations

import pytest

from bot.settings import ConfigurationError, Settings
from tests.conftest import REPO


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        aliases = field.validation_alias.choices if field.validation_alias else [name]  # type: ignore[union-attr]
        assert f"`{aliases[0]}`" in doc, f"setting {aliases[0]} is not in docs/configuration.md"


def test_production_needs_app_id_and_password() -> None:
    with pytest.raises(ConfigurationError, match="MicrosoftAppId and MicrosoftAppPassword"):
        Settings(app_id="", app_password="").check_production()
    Settings(app_id="", dev=True).check_production()
    Settings(app_id="x", app_password="y").check_production()


def test_password_is_not_in_repr() -> None:
    settings = Settings(app_id="x", app_password="hemmeligt-kodeord")
    assert "hemmeligt-kodeord" not in repr(settings)
    assert "hemmeligt-kodeord" not in str(settings.model_dump())


def test_allowed_tenants_from_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATBOT_ALLOWED_TENANTS", "t1, t2")
    assert Settings().tenants == {"t1", "t2"}
    monkeypatch.delenv("REFERATBOT_ALLOWED_TENANTS")
    assert Settings(app_tenant_id="t9").tenants == {"t9"}
