"""PyInstaller runtime hook: the bundle leaves out Pillow's colour management on purpose (no
document embeds a picture; the scan reader needs Pillow only to open image files), so fpdf2, which
imports Pillow only together with it, warns at import; that warning would only confuse a user of
`tinnhiem-cli`."""

import warnings

warnings.filterwarnings("ignore", message="Pillow could not be imported", category=UserWarning)
