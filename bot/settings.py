"""Settings, read from the environment (and a ``.env`` file) and validated at start-up.

The Bot Framework names (``MicrosoftAppId``…) are kept so Teams developers
recognise them; Referatbot's own settings start with ``REFERATBOT_``. Every
setting is documented in docs/configuration.md (a test checks that).
"""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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
        description="The Entra tenant of a SingleTenant bot; also the tenant allowed to talk to it.",
    )
