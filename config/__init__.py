"""Settings: the TOML config file turned into typed, validated values.

- `config.loader`: find_config, load_config and ConfigError (one line: file, key, problem).
- `config.model`: the frozen dataclasses a loaded config is made of, with every default.
- `config.query`: the story query language (parse_query, WordSet).
- `config.cron`: cron expressions for story schedules.
- `config.starter`: the commented starter config that `storywatch init` writes.

Nothing is imported here, so `import config.cron` stays cheap.
"""
