"""The Qt-free core: API client, schemas, tasks, library, media, paths and settings."""
