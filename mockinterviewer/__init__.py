"""mockinterviewer: rehearse behavioural interviews out loud, offline."""

__version__ = "0.1.0"
APP_NAME = "mockinterviewer"
