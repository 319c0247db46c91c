"""Settings, read from the environment (and a ``.env`` file) and validated at start-up.

The Bot Framework names (``MicrosoftAppId``…) are kept so Teams developers
recognise them; Referatbot's own settings start with ``REFERATBOT_``. Every
setting is documented in docs/configuration.md (a test checks that).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from storage.engine import DEFAULT_DATABASE_URL


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        validation_alias=AliasChoices("REFERATBOT_DATABASE_URL", "database_url"),
        description="SQLAlchemy URL of the store: SQLite file (default) or PostgreSQL.",
    )
    log_level: str = Field(
        default="INFO",
        validation_alias=AliasChoices("REFERATBOT_LOG_LEVEL", "log_level"),
        description="Logging level: DEBUG, INFO, WARNING or ERROR.",
    )
    app_id: str = Field(
        default="",
        validation_alias=AliasChoices("MicrosoftAppId", "MICROSOFT_APP_ID", "app_id"),
        description="The bot's Microsoft app (client) id from its Azure Bot registration.",
    )
    app_password: SecretStr = Field(
        default=SecretStr(""),
        validation_alias=AliasChoices(
            "MicrosoftAppPassword", "MICROSOFT_APP_PASSWORD", "app_password"
        ),
        description="The client secret of that app registration. Never logged.",
    )
    app_type: str = Field(
        default="SingleTenant",
        validation_alias=AliasChoices("MicrosoftAppType", "MICROSOFT_APP_TYPE", "app_type"),
        description="SingleTenant, MultiTenant or UserAssignedMSI.",
    )
    app_tenant_id: str = Field(
        default="",
        validation_alias=AliasChoices(
            "MicrosoftAppTenantId", "MICROSOFT_APP_TENANT_ID", "app_tenant_id"
        ),
        description="The Entra tenant of a SingleTenant bot; also the tenant allowed to talk "
        "to it.",
    )
    allowed_tenants: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=AliasChoices("REFERATBOT_ALLOWED_TENANTS", "allowed_tenants"),
        description="Entra tenant ids whose activities are accepted (comma-separated). "
        "Empty: only MicrosoftAppTenantId; if that is empty too, any tenant.",
    )
    dev: bool = Field(
        default=False,
        validation_alias=AliasChoices("REFERATBOT_DEV", "dev"),
        description="Local development mode: anonymous requests allowed, bound to 127.0.0.1.",
    )
    max_body_bytes: int = Field(
        default=512 * 1024,
        validation_alias=AliasChoices("REFERATBOT_MAX_BODY_BYTES", "max_body_bytes"),
        description="Largest request body /api/messages accepts (HTTP 413 above).",
    )
    openid_metadata_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("REFERATBOT_OPENID_METADATA_URL", "openid_metadata_url"),
        description="Override of the Bot Framework OpenID metadata URL (sovereign clouds, tests).",
    )

    tick_seconds: float = Field(
        default=5.0,
        validation_alias=AliasChoices("REFERATBOT_TICK_SECONDS", "tick_seconds"),
        description="How often due reminders and notices are claimed from the outbox; "
        "0 turns the ticker off (tests drive it by hand).",
    )

    approval_working_days: int = Field(
        default=3, ge=0, le=60,
        validation_alias=AliasChoices("REFERATBOT_APPROVAL_WORKING_DAYS", "approval_working_days"),
        description="Default deadline of a digital approval of minutes, in Danish working "
        "days after it is opened (weekends and public holidays excluded).",
    )

    claim_lease_seconds: float = Field(
        default=15.0, gt=0,
        validation_alias=AliasChoices("REFERATBOT_CLAIM_LEASE_SECONDS", "claim_lease_seconds"),
        description="How long a replica holds the outbox rows it claimed; renewed while it "
        "sends, so after a crash its rows are sent by another replica within this time.",
    )
    public_url: str = Field(
        default="http://localhost:3978",
        validation_alias=AliasChoices("REFERATBOT_PUBLIC_URL", "public_url"),
        description="The address the bot is reached at from outside; used in calendar "
        "feed links and, when set, in the approval card's link to the printable minutes.",
    )

    @field_validator("allowed_tenants", mode="before")
    @classmethod
    def _split_tenants(cls, value: object) -> object:
        if isinstance(value, str):
            return [t.strip() for t in value.split(",") if t.strip()]
        return value

    @property
    def page_url(self) -> str | None:
        """The base of links to pages the bot serves (the printable minutes): only when
        REFERATBOT_PUBLIC_URL is set, as the default would send people to localhost."""
        return self.public_url if "public_url" in self.model_fields_set else None

    @property
    def tenants(self) -> frozenset[str]:
        """The tenants allowed to talk to the bot; empty means any."""
        allowed = set(self.allowed_tenants)
        if not allowed and self.app_tenant_id:
            allowed.add(self.app_tenant_id)
        return frozenset(allowed)

    def check_production(self) -> None:
        """Refuse to run with authentication off unless in development mode."""
        if self.dev:
            return
        missing = [name for name, value in (("MicrosoftAppId", self.app_id),
                                            ("MicrosoftAppPassword",
                                             self.app_password.get_secret_value()))
                   if not value]
        if missing:
            raise ConfigurationError(
                f"{' and '.join(missing)} must be set (or start with --dev for local "
                "development on 127.0.0.1)."
            )


class ConfigurationError(ValueError):
    """The settings do not allow the service to start."""
