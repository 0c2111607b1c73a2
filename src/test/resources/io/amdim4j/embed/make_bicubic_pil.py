# Writes bicubic-pil.json: reference values for BicubicResizeTest, from Pillow's bicubic resize of
# 8-bit images (what the reference's test transforms call, spec §5.5).
# Run with a Python that has Pillow and NumPy:  python3 make_bicubic_pil.py > bicubic-pil.json
import json
import numpy as np
from PIL import Image

rng = np.random.default_rng(7)
h, w = 9, 11
gray = rng.integers(0, 256, size=(h, w)).astype(np.uint8)
rgb = rng.integers(0, 256, size=(h, w, 3)).astype(np.uint8)
cases = []
for (out_h, out_w) in [(5, 4), (9, 11), (14, 17), (6, 20), (9, 4), (3, 11)]:
    g = Image.fromarray(gray, mode="L").resize((out_w, out_h), Image.BICUBIC)
    c = Image.fromarray(rgb, mode="RGB").resize((out_w, out_h), Image.BICUBIC)
    cases.append({
        "out_h": out_h, "out_w": out_w,
        "gray": np.asarray(g, dtype=np.int64).ravel().tolist(),
        # planar CHW, as amdim4j stores images
        "rgb": np.asarray(c, dtype=np.int64).transpose(2, 0, 1).ravel().tolist(),
    })
print(json.dumps({"pillow": Image.__version__, "h": h, "w": w,
                  "gray": gray.astype(np.int64).ravel().tolist(),
                  "rgb": rgb.astype(np.int64).transpose(2, 0, 1).ravel().tolist(),
                  "cases": cases}))
