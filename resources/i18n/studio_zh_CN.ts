<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="54"/>
        <source>Pick a frame — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="68"/>
        <source>First frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="69"/>
        <source>Last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="70"/>
        <source>Use this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="86"/>
        <source>←/→ one frame, Home/End the first or last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="346"/>
        <source>Paint mask — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="352"/>
        <source>Brush size ([ smaller, ] larger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="353"/>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="353"/>
        <source>Paint what may change (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="354"/>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="354"/>
        <source>Keep what the brush marked (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="358"/>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="358"/>
        <source>Everything may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="359"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="359"/>
        <source>Nothing may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="361"/>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="361"/>
        <source>Swap what changes and what stays (I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="363"/>
        <location filename="../../studio/ui/chain/send_to.py" line="309"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="363"/>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="364"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="364"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="365"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="365"/>
        <source>Show the whole picture (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="366"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="367"/>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="369"/>
        <source>White = edit, black = keep. Red shows what may change. Right-drag or middle-drag pans; the wheel zooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="374"/>
        <source>Use mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="491"/>
        <source>Add the picture to edit first: the mask is painted over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="64"/>
        <location filename="../../studio/ui/chain/send_to.py" line="196"/>
        <source>Send to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="65"/>
        <source>Use this output as the input of another model (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="93"/>
        <source>Animate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="116"/>
        <source>Search models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="140"/>
        <source>Finding the models that take it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="159"/>
        <source>No model takes this kind of output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="208"/>
        <source>last frame → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="304"/>
        <source>There is no saved output to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="309"/>
        <source>Select outputs of one kind to send them together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="311"/>
        <source>Only images, videos and audio can go to another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="181"/>
        <source>This field takes %1 files; the output is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="183"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="241"/>
        <source>Which field?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="298"/>
        <source>%1 no longer has the field “%2”: the output was not placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="349"/>
        <location filename="../../studio/ui/chain/send_to.py" line="387"/>
        <source>This file is not in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="355"/>
        <source>Extend shot needs a video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="360"/>
        <source>No model here can continue a shot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="395"/>
        <source>Frames come from videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="400"/>
        <source>No frame picker: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudioLane</name>
    <message>
        <location filename="../../studio/ui/compare/audio_sync.py" line="130"/>
        <source>Reading waveform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/audio_sync.py" line="140"/>
        <source>No waveform: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="37"/>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="38"/>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="39"/>
        <source>Durations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="40"/>
        <source>Aspect ratios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="41"/>
        <source>Resolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/planner.py" line="34"/>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/planner.py" line="36"/>
        <location filename="../../studio/ui/compare/words.py" line="107"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="138"/>
        <source>The model&apos;s settings could not be loaded, so nothing was sent. Retry when the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="150"/>
        <source>This model&apos;s settings changed since the table was made, so nothing was sent. The table now shows the new translation: check it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="213"/>
        <source>The comparison could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="65"/>
        <source>Images from text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="72"/>
        <source>Edit an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="74"/>
        <source>Image to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="78"/>
        <source>Videos from text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="82"/>
        <source>Videos from an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="85"/>
        <location filename="../../studio/ui/compare/words.py" line="33"/>
        <source>Start image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="87"/>
        <source>End image (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="94"/>
        <source>Videos from references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="99"/>
        <location filename="../../studio/ui/compare/words.py" line="35"/>
        <source>Reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="108"/>
        <source>Edit a video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="110"/>
        <source>Video to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="114"/>
        <source>Music from text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="118"/>
        <source>Transcribe audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="122"/>
        <source>Audio to transcribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="25"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="26"/>
        <source>Negative prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="27"/>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="28"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="29"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="30"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="31"/>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="32"/>
        <source>Audio track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="34"/>
        <source>End image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="36"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="37"/>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="41"/>
        <source>takes no start image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="42"/>
        <source>takes no end image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="43"/>
        <source>takes no reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="44"/>
        <source>takes no video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="45"/>
        <source>takes no audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="48"/>
        <source>sent as asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="49"/>
        <source>mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="50"/>
        <source>clamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="51"/>
        <source>model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="52"/>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="53"/>
        <source>set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="87"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="88"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="128"/>
        <source>%1 is %2; this model takes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="131"/>
        <source>%1 is %2; this model takes at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="134"/>
        <source>%1 is %2 px on its short side; this model needs at least %3 px.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="139"/>
        <source>%1 has an aspect of %2:1; this model takes %3:1 to %4:1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="143"/>
        <source>%1 lasts %2 s; this model takes %3–%4 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="95"/>
        <location filename="../../studio/ui/compare/panel.py" line="278"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="96"/>
        <source>Send to every column (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="108"/>
        <source>Choose what to compare, tick 2–6 models (or one model with several seeds), check what each will receive in the table, then Compare (Ctrl+Enter).
Every job also lands in the queue and the gallery; the comparison is kept under Gallery › Comparisons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="204"/>
        <source>Set per column (One model, several values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="217"/>
        <source>Tick %1–%2 models (or one model and its values): %3 so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="220"/>
        <source>Add: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="222"/>
        <source>%n of the columns cannot be sent as set up; the table says why.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="225"/>
        <source>Each column&apos;s job also goes to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="232"/>
        <source>Compare · 1 task</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="234"/>
        <location filename="../../studio/ui/compare/panel.py" line="284"/>
        <source>Compare · %n videos</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="236"/>
        <source>Compare · %n images</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="238"/>
        <source>Compare · %n tracks</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="239"/>
        <source>Compare · %n transcripts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="280"/>
        <source>This starts %n video tasks at once. Go ahead?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="314"/>
        <source>Comparing %n columns. Each job is also in the queue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="378"/>
        <source>Reading from the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="468"/>
        <source>That comparison is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="475"/>
        <source>Reopened the comparison of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="62"/>
        <source>Several models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="63"/>
        <source>One model, several values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="74"/>
        <source> seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="95"/>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="162"/>
        <source>Tick the model to compare with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="198"/>
        <source>“%1” is not a value of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="203"/>
        <source>Give at least two values, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonsView</name>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="75"/>
        <source>Open in Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="76"/>
        <source>Reopen the comparison as it was kept (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="77"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="79"/>
        <source>No comparisons yet: every comparison you run in the Compare tab is kept here, with its winner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="134"/>
        <source>%n comparisons</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="134"/>
        <source>1 comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="143"/>
        <source>%n models</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="143"/>
        <source>one model, %n columns</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="146"/>
        <source>%n rounds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="146"/>
        <source>1 round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="148"/>
        <source>★ winner marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="148"/>
        <source>no winner yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="149"/>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="133"/>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="134"/>
        <source>From a comparison:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="139"/>
        <source>Reopen it in the Compare tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailStore</name>
    <message>
        <location filename="../../studio/ui/compare/details.py" line="64"/>
        <source>The model&apos;s settings could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointPage</name>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="78"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="79"/>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="80"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="81"/>
        <source>Pick a model on the left to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="116"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="256"/>
        <source>The webhook URL must be an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="298"/>
        <source>Start %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="300"/>
        <source>Start %1 at once? Each is a separate task, slow to make and billed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="305"/>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="316"/>
        <source>The form now holds example %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="326"/>
        <source>The form is back at its defaults.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtraEntries</name>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="47"/>
        <source>More entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="52"/>
        <source>+ Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="108"/>
        <source>Key used twice: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="66"/>
        <source>Only this output and what was made from it: click to show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="128"/>
        <source>Made from %1  ✕</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <location filename="../../studio/app.py" line="82"/>
        <source>Comparisons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="179"/>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateControls</name>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="46"/>
        <source>Webhook URL (optional): https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="49"/>
        <source>Your own server receives the finished task as a POST. The studio keeps polling anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="57"/>
        <source>Advanced request options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="63"/>
        <source>New seed each run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="64"/>
        <source>Give every task of the batch a fresh random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="66"/>
        <source>How many tasks to submit with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="67"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="68"/>
        <source>Every field back to its default (can be undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="69"/>
        <source>Show request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="70"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="72"/>
        <source>Submit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="139"/>
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="140"/>
        <source>%n video(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="141"/>
        <source>%n track(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="142"/>
        <source>%n transcript(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="143"/>
        <source>%n answer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="145"/>
        <source>%n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="149"/>
        <source>Generate · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntentForm</name>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="52"/>
        <source>One prompt for every model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="56"/>
        <source>Negative prompt (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="58"/>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/intent_form.py" line="128"/>
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="133"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="134"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineageView</name>
    <message>
        <location filename="../../studio/ui/gallery/lineage_view.py" line="67"/>
        <source>Made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/lineage_view.py" line="68"/>
        <source>Used in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarketplacePanel</name>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="83"/>
        <source>No model matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="85"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="160"/>
        <source>All capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="171"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaField</name>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="132"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="134"/>
        <source>Paint mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="135"/>
        <source>Paint where the picture may change: white = edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="205"/>
        <source>It has no file to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="206"/>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="249"/>
        <source>painted mask · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaSlotWidget</name>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="66"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="67"/>
        <source>Choose a file, or drop one here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="70"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="138"/>
        <source>This file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="157"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="162"/>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="188"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="195"/>
        <source>Videos (*.mp4 *.mov *.webm *.mkv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="197"/>
        <source>Audio (*.mp3 *.wav *.m4a *.ogg *.flac *.mp4 *.webm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="198"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="99"/>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="100"/>
        <source>Typed in seconds, sent in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="156"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="157"/>
        <source>Shown in seconds, sent in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="192"/>
        <source>Must be at least %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="194"/>
        <source>Must be at most %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="132"/>
        <source>Use this output as another model&apos;s input (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="132"/>
        <source>Send to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="135"/>
        <source>Continue the shot: its last frame into an image-to-video model (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="136"/>
        <source>Extend shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="139"/>
        <source>Pick a frame of this video as an image (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="139"/>
        <source>Frames…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../studio/ui/queue/model.py" line="305"/>
        <source>Made from:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="237"/>
        <source>Send to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="239"/>
        <source>Extend shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="241"/>
        <source>Pick a frame…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recall</name>
    <message>
        <location filename="../../studio/ui/recall.py" line="79"/>
        <source>A picked frame has no model parameters: use Send to… with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="126"/>
        <source>%1: %2 The copy sent with the job is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallFlow</name>
    <message>
        <location filename="../../studio/ui/recall.py" line="30"/>
        <source>The form was filled with all its parameters and a new seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="33"/>
        <source>The form was filled with all its parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="36"/>
        <source>The form was filled with its prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="38"/>
        <source>The form was filled with all its parameters (this model takes no seed to vary).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="101"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="143"/>
        <source>%1 has no Mountsea Studio parameters to recall.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="49"/>
        <source>Request · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="56"/>
        <source>JSON body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="57"/>
        <source>cURL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="58"/>
        <source>Python (httpx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="65"/>
        <source>Save body…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="66"/>
        <source>Write the full JSON body to a file (%1 for the snippets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="80"/>
        <source>Inline media is shortened here. Copy on the JSON tab and Save body… give the full body; the cURL and Python snippets read it from %1, which Save body… writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="90"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="108"/>
        <source>Save the request body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="110"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="129"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="132"/>
        <source>Could not save the body: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultColumn</name>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="96"/>
        <location filename="../../studio/ui/compare/column.py" line="204"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="136"/>
        <location filename="../../studio/ui/compare/column.py" line="233"/>
        <source>★ Winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="136"/>
        <source>Mark as the winner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="138"/>
        <source>✕ Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="138"/>
        <source>Mark as rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="141"/>
        <source>Use this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="142"/>
        <source>Open this model with these exact settings in Create, and show the result in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="145"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="145"/>
        <source>Run this column again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="147"/>
        <source>Show request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="147"/>
        <source>The exact body sent to this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="149"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="149"/>
        <source>Save the result as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="151"/>
        <source>Send to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="151"/>
        <source>Use this result as the input of another model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="154"/>
        <location filename="../../studio/ui/compare/column.py" line="340"/>
        <source>Muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="154"/>
        <source>Sound of this column on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="159"/>
        <source>Solo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="159"/>
        <source>Hear this column (keeps the position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="197"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="217"/>
        <source>No result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="221"/>
        <source>Waiting for the result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="233"/>
        <source>✕ Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="249"/>
        <source>Done · took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="249"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="251"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="253"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="254"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="255"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="256"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="257"/>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="258"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="259"/>
        <source>Unknown: the server never answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="260"/>
        <source>Lost: the server no longer knows this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="276"/>
        <source>The model returned no output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="282"/>
        <source>Not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="298"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="340"/>
        <source>Sound on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="91"/>
        <source>Previous round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="94"/>
        <source>Next round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="95"/>
        <source>Rerun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="98"/>
        <source>Run the same comparison again with new seeds, as a new round (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="116"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="116"/>
        <source>Fit every picture (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="117"/>
        <source>Every picture at 100 % (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="118"/>
        <source>Zoom out all (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="119"/>
        <source>Zoom in all (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="127"/>
        <source>A/B wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="130"/>
        <source>Lay two results over each other and wipe between them (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="241"/>
        <source>Round %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="71"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="74"/>
        <source>The new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="106"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <location filename="../../studio/ui/controller.py" line="231"/>
        <source>Not carried over from %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="236"/>
        <source>Carried over from %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="242"/>
        <source>Carry over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="253"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="323"/>
        <source>The new language applies when the studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncTransport</name>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="45"/>
        <source>Play / pause all (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="46"/>
        <source>One frame back (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="47"/>
        <source>One frame forward (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="54"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="57"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationModel</name>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="154"/>
        <source>Sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="190"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="193"/>
        <source>the model decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="197"/>
        <source> (asked %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="205"/>
        <source>Goes to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="209"/>
        <source>Click to set this model&apos;s value by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="214"/>
        <source>Loading the model&apos;s settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="216"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="218"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationTable</name>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="328"/>
        <source>Use the translated value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="25"/>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="27"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
