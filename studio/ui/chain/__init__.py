"""The creative loop in the window: Send to…, frames, masks, and dragging outputs.

Import the modules themselves (``studio.ui.chain.send_to``, ``.mask_painter``,
``.frame_picker``, ``.popup``, ``.outputs_drag``): this package imports none of them, so that
importing one does not load the others (start-up, issue 12).
"""
