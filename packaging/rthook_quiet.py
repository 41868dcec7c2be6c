"""PyInstaller runtime hook: the bundle leaves out Pillow on purpose (no document embeds a
picture), so fpdf2's import-time warning about it would only confuse a user of `tinnhiem-cli`."""

import warnings

warnings.filterwarnings("ignore", message="Pillow could not be imported", category=UserWarning)
