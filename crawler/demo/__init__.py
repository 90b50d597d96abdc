"""The bundled offline demo: a loopback outlet web (`server`) and `storywatch demo` (`runner`)."""
