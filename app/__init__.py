"""The application core: workshop services, templates, settings, i18n and the command line. No Qt."""
