"""The bundled prompt templates (the Markdown files here); this file makes the folder the package papersum.bundled_prompts so they ship inside the wheel."""
