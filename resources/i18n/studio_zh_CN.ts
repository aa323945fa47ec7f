<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../studio/ui/gallery/action_bar.py" line="84"/>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
</context>
<context>
    <name>AudioLane</name>
    <message>
        <location filename="../../studio/ui/compare/audio_sync.py" line="130"/>
        <source>Reading waveform…</source>
        <translation>正在读取波形…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/audio_sync.py" line="140"/>
        <source>No waveform: %1</source>
        <translation>无波形：%1</translation>
    </message>
</context>
<context>
    <name>AudioView</name>
    <message>
        <location filename="../../studio/ui/preview/audio_view.py" line="107"/>
        <source>Reading waveform…</source>
        <translation>正在读取波形…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/audio_view.py" line="128"/>
        <source>No waveform: %1</source>
        <translation>无波形：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/audio_view.py" line="138"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/audio_view.py" line="139"/>
        <source>Cannot play this file: %1</source>
        <translation>无法播放此文件：%1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../studio/ui/banner.py" line="62"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BooleanField</name>
    <message>
        <location filename="../../studio/ui/forms/scalar_fields.py" line="96"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/scalar_fields.py" line="96"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/scalar_fields.py" line="96"/>
        <source>API default</source>
        <translation>API 默认</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="37"/>
        <source>Model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="38"/>
        <source>Seeds</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="39"/>
        <source>Durations</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="40"/>
        <source>Aspect ratios</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="41"/>
        <source>Resolutions</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/planner.py" line="34"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/planner.py" line="36"/>
        <location filename="../../studio/ui/compare/words.py" line="107"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="138"/>
        <source>The model&apos;s settings could not be loaded, so nothing was sent. Retry when the server answers.</source>
        <translation>模型设置加载失败，因此没有发送任何内容。服务器恢复响应后请重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="150"/>
        <source>This model&apos;s settings changed since the table was made, so nothing was sent. The table now shows the new translation: check it, then Retry.</source>
        <translation>生成表格后该模型的设置已变化，因此没有发送任何内容。表格现在显示新的参数换算：请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/run.py" line="213"/>
        <source>The comparison could not be kept: %1</source>
        <translation>无法保存这次对比：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="65"/>
        <source>Images from text</source>
        <translation>文生图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="72"/>
        <source>Edit an image</source>
        <translation>编辑图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="74"/>
        <source>Image to edit</source>
        <translation>要编辑的图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="78"/>
        <source>Videos from text</source>
        <translation>文生视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="82"/>
        <source>Videos from an image</source>
        <translation>图生视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="85"/>
        <location filename="../../studio/ui/compare/words.py" line="33"/>
        <source>Start image</source>
        <translation>首帧图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="87"/>
        <source>End image (optional)</source>
        <translation>尾帧图片（可选）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="94"/>
        <source>Videos from references</source>
        <translation>参考生视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="99"/>
        <location filename="../../studio/ui/compare/words.py" line="35"/>
        <source>Reference images</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="108"/>
        <source>Edit a video</source>
        <translation>编辑视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="110"/>
        <source>Video to edit</source>
        <translation>要编辑的视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="114"/>
        <source>Music from text</source>
        <translation>文生音乐</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="118"/>
        <source>Transcribe audio</source>
        <translation>音频转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/tasks.py" line="122"/>
        <source>Audio to transcribe</source>
        <translation>要转写的音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="25"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="26"/>
        <source>Negative prompt</source>
        <translation>负面提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="27"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="28"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="29"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="30"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="31"/>
        <source>Outputs</source>
        <translation>结果数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="32"/>
        <source>Audio track</source>
        <translation>音轨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="34"/>
        <source>End image</source>
        <translation>尾帧图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="36"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="37"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="41"/>
        <source>takes no start image</source>
        <translation>不接受首帧图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="42"/>
        <source>takes no end image</source>
        <translation>不接受尾帧图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="43"/>
        <source>takes no reference images</source>
        <translation>不接受参考图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="44"/>
        <source>takes no video</source>
        <translation>不接受视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="45"/>
        <source>takes no audio</source>
        <translation>不接受音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="48"/>
        <source>sent as asked</source>
        <translation>按要求发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="49"/>
        <source>mapped</source>
        <translation>已换算</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="50"/>
        <source>clamped</source>
        <translation>已就近取值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="51"/>
        <source>model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="52"/>
        <source>dropped</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="53"/>
        <source>set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="87"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="88"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="128"/>
        <source>%1 is %2; this model takes %3.</source>
        <translation>%1 为 %2；该模型接受 %3。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="131"/>
        <source>%1 is %2; this model takes at most %3.</source>
        <translation>%1 为 %2；该模型最多接受 %3。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="134"/>
        <source>%1 is %2 px on its short side; this model needs at least %3 px.</source>
        <translation>%1 短边为 %2 像素；该模型至少需要 %3 像素。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="139"/>
        <source>%1 has an aspect of %2:1; this model takes %3:1 to %4:1.</source>
        <translation>%1 的宽高比为 %2:1；该模型只接受 %3:1 到 %4:1。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/words.py" line="143"/>
        <source>%1 lasts %2 s; this model takes %3–%4 s.</source>
        <translation>%1 时长 %2 秒；该模型接受 %3–%4 秒。</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="96"/>
        <location filename="../../studio/ui/compare/panel.py" line="280"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="97"/>
        <source>Send to every column (Ctrl+Enter)</source>
        <translation>发送给每一列（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="109"/>
        <source>Choose what to compare, tick 2–6 models (or one model with several seeds), check what each will receive in the table, then Compare (Ctrl+Enter).
Every job also lands in the queue and the gallery; the comparison is kept under Gallery › Comparisons.</source>
        <translation>选择要对比的内容，勾选 2–6 个模型（或一个模型配多个种子），在表格中核对每个模型将收到的参数，然后点“对比”（Ctrl+Enter）。
每个任务也会进入队列和图库；对比记录保存在“图库 › 对比记录”。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="157"/>
        <source>Run the comparison</source>
        <translation>运行对比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="206"/>
        <source>Set per column (One model, several values)</source>
        <translation>按列设置（一个模型，多个取值）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="219"/>
        <source>Tick %1–%2 models (or one model and its values): %3 so far.</source>
        <translation>请勾选 %1–%2 个模型（或一个模型及其取值）：目前 %3 个。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="222"/>
        <source>Add: %1.</source>
        <translation>添加：%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="224"/>
        <source>%n of the columns cannot be sent as set up; the table says why.</source>
        <translation>
            <numerusform>有 %n 列按当前设置无法发送；原因见表格。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="227"/>
        <source>Each column&apos;s job also goes to the queue.</source>
        <translation>每一列的任务也会进入队列。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="234"/>
        <source>Compare · 1 task</source>
        <translation>对比 · 1 个任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="236"/>
        <location filename="../../studio/ui/compare/panel.py" line="286"/>
        <source>Compare · %n videos</source>
        <translation>
            <numerusform>对比 · %n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="238"/>
        <source>Compare · %n images</source>
        <translation>
            <numerusform>对比 · %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="240"/>
        <source>Compare · %n tracks</source>
        <translation>
            <numerusform>对比 · %n 首音轨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="241"/>
        <source>Compare · %n transcripts</source>
        <translation>
            <numerusform>对比 · %n 份转写</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="282"/>
        <source>This starts %n video tasks at once. Go ahead?</source>
        <translation>
            <numerusform>这会同时开始 %n 个视频任务。继续吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/panel.py" line="316"/>
        <source>Comparing %n columns. Each job is also in the queue.</source>
        <translation>
            <numerusform>正在对比 %n 列。每个任务也在队列中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="380"/>
        <source>Reading from the library…</source>
        <translation>正在读取资料库…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="470"/>
        <source>That comparison is no longer in the library.</source>
        <translation>这次对比已不在资料库中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/panel.py" line="477"/>
        <source>Reopened the comparison of %1.</source>
        <translation>已重新打开 %1 的对比。</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="62"/>
        <source>Several models</source>
        <translation>多个模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="63"/>
        <source>One model, several values</source>
        <translation>一个模型，多个取值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="74"/>
        <source> seeds</source>
        <translation> 个种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="95"/>
        <source>Vary</source>
        <translation>变化项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="162"/>
        <source>Tick the model to compare with itself.</source>
        <translation>勾选这个模型，与它自身对比。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="198"/>
        <source>“%1” is not a value of %2.</source>
        <translation>“%1”不是 %2 的可选值。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/picker.py" line="203"/>
        <source>Give at least two values, e.g. %1.</source>
        <translation>请至少给出两个值，例如 %1。</translation>
    </message>
</context>
<context>
    <name>ComparisonsView</name>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="75"/>
        <source>Open in Compare</source>
        <translation>在对比中打开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="76"/>
        <source>Reopen the comparison as it was kept (Enter)</source>
        <translation>按保存时的样子重新打开这次对比（Enter）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="77"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="79"/>
        <source>No comparisons yet: every comparison you run in the Compare tab is kept here, with its winner.</source>
        <translation>还没有对比记录：在“对比”页运行的每次对比都会连同胜出者保存在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="97"/>
        <source>Open the comparison in Compare</source>
        <translation>在“对比”中打开这次对比</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="135"/>
        <source>%n comparisons</source>
        <translation>
            <numerusform>%n 次对比</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="135"/>
        <source>1 comparison</source>
        <translation>1 次对比</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="144"/>
        <source>%n models</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="144"/>
        <source>one model, %n columns</source>
        <translation>
            <numerusform>一个模型，%n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/history.py" line="147"/>
        <source>%n rounds</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="147"/>
        <source>1 round</source>
        <translation>1 轮</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="149"/>
        <source>★ winner marked</source>
        <translation>★ 已标记胜出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="149"/>
        <source>no winner yet</source>
        <translation>尚无胜出者</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/history.py" line="150"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
</context>
<context>
    <name>ConstField</name>
    <message>
        <location filename="../../studio/ui/forms/scalar_fields.py" line="128"/>
        <source>Fixed by the endpoint</source>
        <translation>由接口固定</translation>
    </message>
</context>
<context>
    <name>CoreWords</name>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="35"/>
        <source>Demo — local simulator</source>
        <translation>演示 — 本地模拟器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="36"/>
        <source>Mountsea API</source>
        <translation>Mountsea API</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="37"/>
        <source>Connection problem — still trying</source>
        <translation>连接出现问题 — 仍在重试</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="38"/>
        <source>The server no longer knows this task.</source>
        <translation>服务器已找不到此任务。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="40"/>
        <source>The job could not be recorded in the library, so it was not sent.</source>
        <translation>任务无法记入资料库，因此没有发送。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="44"/>
        <source>The task timed out on the server.</source>
        <translation>任务在服务器上超时。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="45"/>
        <source>The task failed.</source>
        <translation>任务失败。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="46"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="47"/>
        <source>taking longer than usual</source>
        <translation>比平时要久</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="49"/>
        <source>Saving was canceled; outputs not saved yet are fetched at the next start.</source>
        <translation>保存已取消；尚未保存的结果会在下次启动时获取。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="55"/>
        <source>The request may have reached the server, but no answer came back. The task may exist and may be charged; it was not sent again. Retry only if you are sure it did not start.</source>
        <translation>请求可能已到达服务器，但没有收到回复。任务可能已经存在并可能已计费；它没有被再次发送。只有确定它没有开始时才重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="63"/>
        <source>The app stopped while this request was being sent. The task may exist and may be charged; it was not sent again. Retry only if you are sure it did not start.</source>
        <translation>发送此请求时应用停止了。任务可能已经存在并可能已计费；它没有被再次发送。只有确定它没有开始时才重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="70"/>
        <source>This job&apos;s task belongs to another backend; it can be followed again when that backend is in use.</source>
        <translation>此任务属于另一个后端；切回该后端时可重新跟踪。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="77"/>
        <source>Not sent: the library could not be brought up to date at start-up (is the disk full?), so this job is not sent by itself. Retry it once there is room.</source>
        <translation>未发送：启动时资料库未能更新（磁盘满了吗？），因此此任务不会自动发送。腾出空间后请重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="84"/>
        <source>This job is still running on another backend; it is followed again when that backend is in use.</source>
        <translation>此任务仍在另一个后端上运行；切回该后端时会继续跟踪。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="90"/>
        <source>rate limited by the server</source>
        <translation>被服务器限流</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="91"/>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="92"/>
        <source>no connection</source>
        <translation>无网络连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="93"/>
        <source>It printed nothing.</source>
        <translation>它没有任何输出。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="94"/>
        <source>needs a prompt</source>
        <translation>需要提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="95"/>
        <source>an input image</source>
        <translation>输入图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="96"/>
        <source>an input video</source>
        <translation>输入视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="97"/>
        <source>input audio</source>
        <translation>输入音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="98"/>
        <source>an input file</source>
        <translation>输入文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="107"/>
        <source>API at %1</source>
        <translation>位于 %1 的 API</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="110"/>
        <source>Picked up %1 unfinished task(s) from last time</source>
        <translation>已接续上次未完成的 %1 个任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="114"/>
        <source>The model list could not be loaded: %1</source>
        <translation>模型列表加载失败：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="119"/>
        <source>The disk is full (%1): new files cannot be saved there and jobs that could not be recorded were not sent. Free some space, then retry them.</source>
        <translation>磁盘已满（%1）：新文件无法保存，无法记录的任务未发送。请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="127"/>
        <source>The disk is full (%1): the file was not saved. Free some space, then retry.</source>
        <translation>磁盘已满（%1）：文件未保存。请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="134"/>
        <source>Connection problem — still trying (%1)</source>
        <translation>连接出现问题 — 仍在重试（%1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="136"/>
        <source>server error %1</source>
        <translation>服务器错误 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="139"/>
        <source>Waiting — %1, %2 s (try %3 of %4)</source>
        <translation>等待中 — %1，%2 秒（第 %3 次，共 %4 次）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="143"/>
        <source>Unusable reply — trying again (%1 of %2): %3</source>
        <translation>回复无法使用 — 正在重试（%1/%2）：%3</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="149"/>
        <source>Lost contact — last seen %1. %2 replies in a row could not be used (last: %3). The task may still be running on the server: use “Follow again” to look again.</source>
        <translation>失去联系 — 最后一次状态：%1。连续 %2 次回复无法使用（最后一次：%3）。任务可能仍在服务器上运行：可用“重新跟踪”再次查看。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="157"/>
        <source>Cancel not confirmed, still following: %1</source>
        <translation>取消未获确认，仍在跟踪：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="162"/>
        <source>Not sent: the server answered “not now” (%1) %2 times, so nothing was created. Retry when it is less busy.</source>
        <translation>未发送：服务器 %2 次回复“稍后再试”（%1），因此什么也没有创建。请在服务器不那么忙时重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="168"/>
        <source>Not sent. %1</source>
        <translation>未发送。%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="169"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="172"/>
        <source>The demo simulator did not start. %1</source>
        <translation>演示模拟器未能启动。%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="176"/>
        <source>Stored in the system keychain (%1).</source>
        <translation>已保存在系统钥匙串（%1）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="181"/>
        <source>No system keychain is available: the key is stored in %1 (readable only by you, not encrypted).</source>
        <translation>系统钥匙串不可用：密钥保存在 %1（仅你本人可读，未加密）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="187"/>
        <source>≈ %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="189"/>
        <source>needs %1 (%2)</source>
        <translation>需要%1（%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="192"/>
        <location filename="../../studio/ui/i18n/validation_words.py" line="61"/>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="196"/>
        <source>%1 is required and has no default</source>
        <translation>%1 为必填项且没有默认值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="198"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="199"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="200"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="241"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="242"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="243"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="244"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="245"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="246"/>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="247"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="248"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="249"/>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="250"/>
        <source>No contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="252"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="253"/>
        <source>Saving</source>
        <translation>保存中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="300"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="301"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="302"/>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="303"/>
        <location filename="../../studio/ui/i18n/validation_words.py" line="24"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/core_words.py" line="304"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="17"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="18"/>
        <source>Not an accepted field</source>
        <translation>不是可接受的字段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="19"/>
        <source>Not a valid choice</source>
        <translation>不是有效的选项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="20"/>
        <source>Doesn&apos;t have the expected format</source>
        <translation>格式不符合要求</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="21"/>
        <source>Items must not repeat</source>
        <translation>各项不能重复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="22"/>
        <source>This value is not allowed</source>
        <translation>不允许此值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="23"/>
        <source>No value is allowed here</source>
        <translation>此处不允许填写值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="25"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="26"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="27"/>
        <source>true or false</source>
        <translation>是或否</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="28"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="29"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="30"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="36"/>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="38"/>
        <source>At most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="39"/>
        <source>Add at least %1 items</source>
        <translation>至少添加 %1 项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="40"/>
        <source>At most %1 items</source>
        <translation>最多 %1 项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="43"/>
        <source>Fill in at least %1 fields</source>
        <translation>至少填写 %1 个字段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="45"/>
        <source>At most %1 fields</source>
        <translation>最多 %1 个字段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="46"/>
        <source>Must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="47"/>
        <source>Must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="50"/>
        <source>Must be greater than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="52"/>
        <source>Must be less than %1</source>
        <translation>必须小于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="55"/>
        <source>Must be a multiple of %1</source>
        <translation>必须是 %1 的倍数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="57"/>
        <source>Must be a valid %1</source>
        <translation>必须是有效的 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="58"/>
        <source>Must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="59"/>
        <source>Fill in only one of: %1</source>
        <translation>只能填写其中之一：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="60"/>
        <source>Fill in %1</source>
        <translation>请填写%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/validation_words.py" line="62"/>
        <source>Must be %1</source>
        <translation>必须是%1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="43"/>
        <source>Not downloaded.</source>
        <translation>未下载。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="45"/>
        <source>File missing: %1</source>
        <translation>文件丢失：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="59"/>
        <source>Output</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="60"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="79"/>
        <source>Select an output to preview it here.</source>
        <translation>选择一个结果在此预览。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="88"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="89"/>
        <source>Open the file with the system&apos;s viewer</source>
        <translation>用系统查看器打开文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="161"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="162"/>
        <source>From a comparison:</source>
        <translation>来自一次对比：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/detail.py" line="167"/>
        <source>Reopen it in the Compare tab</source>
        <translation>在“对比”页重新打开</translation>
    </message>
</context>
<context>
    <name>DetailStore</name>
    <message>
        <location filename="../../studio/ui/compare/details.py" line="64"/>
        <source>The model&apos;s settings could not be loaded.</source>
        <translation>模型设置加载失败。</translation>
    </message>
</context>
<context>
    <name>EndpointLoader</name>
    <message>
        <location filename="../../studio/ui/endpoint/loader.py" line="55"/>
        <source>%1 could not be loaded. Try View → Refresh catalog.</source>
        <translation>%1 加载失败。请试试“视图 → 刷新模型列表”。</translation>
    </message>
</context>
<context>
    <name>EndpointPage</name>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="80"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="81"/>
        <source>Schema</source>
        <translation>参数结构</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="82"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="83"/>
        <source>Pick a model on the left to start.</source>
        <translation>从左侧选择一个模型开始。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="115"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="122"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="300"/>
        <source>The webhook URL must be an http:// or https:// address.</source>
        <translation>Webhook URL 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="342"/>
        <source>Start %1?</source>
        <translation>开始 %1？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="344"/>
        <source>Start %1 at once? Each is a separate task, slow to make and billed.</source>
        <translation>要同时开始 %1 吗？每个都是单独的任务，生成较慢且会计费。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="349"/>
        <source>Start %1</source>
        <translation>开始 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="360"/>
        <source>The form now holds example %1.</source>
        <translation>表单已填入示例 %1。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/page.py" line="370"/>
        <source>The form is back at its defaults.</source>
        <translation>表单已恢复默认值。</translation>
    </message>
</context>
<context>
    <name>ExamplesTab</name>
    <message>
        <location filename="../../studio/ui/endpoint/header.py" line="97"/>
        <source>This endpoint has no examples.</source>
        <translation>此接口没有示例。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/header.py" line="104"/>
        <source>Use example %1</source>
        <translation>使用示例 %1</translation>
    </message>
</context>
<context>
    <name>ExtraEntries</name>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="50"/>
        <source>More entries</source>
        <translation>更多条目</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="55"/>
        <source>+ Add entry</source>
        <translation>+ 添加条目</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="111"/>
        <source>Key used twice: %1</source>
        <translation>键重复：%1</translation>
    </message>
</context>
<context>
    <name>FieldTitles</name>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="15"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="16"/>
        <source>Audio URL</source>
        <translation>音频 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="17"/>
        <source>Audio URLs</source>
        <translation>音频 URL 列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="18"/>
        <source>Audio setting</source>
        <translation>音频设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="19"/>
        <source>Auto fix</source>
        <translation>自动修正</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="20"/>
        <source>CFG scale</source>
        <translation>CFG 强度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="21"/>
        <source>Composition plan</source>
        <translation>编曲结构</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="22"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="23"/>
        <source>Duration (ms)</source>
        <translation>时长（毫秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="24"/>
        <source>Elements</source>
        <translation>元素</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="25"/>
        <source>Enable prompt expansion</source>
        <translation>启用提示词扩写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="26"/>
        <source>Enable web search</source>
        <translation>启用联网搜索</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="27"/>
        <source>End image URL</source>
        <translation>尾帧图片 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="28"/>
        <source>First frame URL</source>
        <translation>首帧 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="29"/>
        <source>Force instrumental</source>
        <translation>强制纯音乐</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="30"/>
        <source>Generate audio</source>
        <translation>生成音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="31"/>
        <source>Image URL</source>
        <translation>图片 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="32"/>
        <source>Image URLs</source>
        <translation>图片 URL 列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="33"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="34"/>
        <source>Item</source>
        <translation>项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="35"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="36"/>
        <source>Last frame URL</source>
        <translation>尾帧 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="37"/>
        <source>Limit generations</source>
        <translation>限制生成次数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="38"/>
        <source>Lines</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="39"/>
        <source>Mask URL</source>
        <translation>蒙版 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="40"/>
        <source>Multi prompt</source>
        <translation>多段提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="41"/>
        <source>Music length (ms)</source>
        <translation>音乐时长（毫秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="42"/>
        <source>Music length</source>
        <translation>音乐时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="43"/>
        <source>Negative global styles</source>
        <translation>全局负面风格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="44"/>
        <source>Negative local styles</source>
        <translation>局部负面风格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="45"/>
        <source>Negative prompt</source>
        <translation>负面提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="46"/>
        <source>Number of images</source>
        <translation>图片数量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="47"/>
        <source>Output format</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="48"/>
        <source>Positive global styles</source>
        <translation>全局正面风格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="49"/>
        <source>Positive local styles</source>
        <translation>局部正面风格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="50"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="51"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="52"/>
        <source>Reference image URLs</source>
        <translation>参考图 URL 列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="53"/>
        <source>Reference video URLs</source>
        <translation>参考视频 URL 列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="54"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="55"/>
        <source>Respect sections durations</source>
        <translation>遵守各段时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="56"/>
        <source>Safety tolerance</source>
        <translation>安全容忍度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="57"/>
        <source>Section name</source>
        <translation>段落名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="58"/>
        <source>Sections</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="59"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="60"/>
        <source>Shot type</source>
        <translation>镜头类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="61"/>
        <source>Start image URL</source>
        <translation>首帧图片 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="62"/>
        <source>Sync mode</source>
        <translation>同步模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="63"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="64"/>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="65"/>
        <source>Video URL</source>
        <translation>视频 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="66"/>
        <source>Video URLs</source>
        <translation>视频 URL 列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="67"/>
        <source>Voice IDs</source>
        <translation>音色 ID</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="68"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="69"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="70"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="71"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="72"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="73"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="74"/>
        <source>Number of outputs</source>
        <translation>结果数量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="75"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="76"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="77"/>
        <source>Guidance scale</source>
        <translation>引导强度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="78"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="79"/>
        <source>Width and height</source>
        <translation>宽和高</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="80"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="81"/>
        <source>Frames per second (FPS)</source>
        <translation>帧率（FPS）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="82"/>
        <source>Camera movement</source>
        <translation>运镜</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="83"/>
        <source>Style prompt</source>
        <translation>风格提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="84"/>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="85"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="86"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="87"/>
        <source>Instrumental</source>
        <translation>纯音乐</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="88"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="89"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="90"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="91"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/i18n/field_words.py" line="92"/>
        <source>Mask</source>
        <translation>蒙版</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="22"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="23"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="24"/>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="25"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="26"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="29"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="30"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="31"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="32"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="64"/>
        <source>Kind of output</source>
        <translation>结果类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="66"/>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="117"/>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="67"/>
        <source>Model or endpoint</source>
        <translation>模型或接口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="70"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="71"/>
        <source>★ Starred</source>
        <translation>★ 已收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="71"/>
        <source>Only starred outputs</source>
        <translation>只看已收藏的结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="72"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="72"/>
        <source>Show the trash instead of the gallery</source>
        <translation>显示回收站而不是图库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="74"/>
        <source>Search prompts…  (Ctrl+G)</source>
        <translation>搜索提示词…  (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="78"/>
        <source>Newest first</source>
        <translation>最新优先</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="79"/>
        <source>Oldest first</source>
        <translation>最早优先</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="81"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="85"/>
        <source>Only this output and what was made from it: click to show all</source>
        <translation>只显示此结果及由它生成的内容：点击显示全部</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/filter_bar.py" line="147"/>
        <source>Made from %1  ✕</source>
        <translation>由 %1 生成  ✕</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="41"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="44"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="47"/>
        <location filename="../../studio/ui/forms/map_field.py" line="29"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="310"/>
        <source>+ Add image</source>
        <translation>+ 添加图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="311"/>
        <source>+ Add video</source>
        <translation>+ 添加视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="312"/>
        <source>+ Add audio</source>
        <translation>+ 添加音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="313"/>
        <source>+ Add file</source>
        <translation>+ 添加文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/array_fields.py" line="315"/>
        <source>+ Add item</source>
        <translation>+ 添加一项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/choice_fields.py" line="19"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/enum_combo.py" line="39"/>
        <source>Sent as: %1</source>
        <translation>实际发送：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/enum_combo.py" line="71"/>
        <source>%1 (not allowed)</source>
        <translation>%1（不允许）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/json_field.py" line="40"/>
        <source>Not valid JSON: %1 (line %2, column %3)</source>
        <translation>JSON 无效：%1（第 %2 行，第 %3 列）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/map_field.py" line="26"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="56"/>
        <source>pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="60"/>
        <source>Paste an image or its URL, or drop an image file</source>
        <translation>粘贴图片或图片 URL，或拖入图片文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="62"/>
        <source>Paste a video URL or drop a video file</source>
        <translation>粘贴视频 URL 或拖入视频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="63"/>
        <source>Paste an audio URL or drop an audio file</source>
        <translation>粘贴音频 URL 或拖入音频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="64"/>
        <source>Paste a URL or drop a file</source>
        <translation>粘贴 URL 或拖入文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="94"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="97"/>
        <source>Videos (*.mp4 *.mov *.webm *.mkv *.avi)</source>
        <translation>视频 (*.mp4 *.mov *.webm *.mkv *.avi)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="98"/>
        <source>Audio (*.mp3 *.wav *.ogg *.flac *.m4a *.aac *.opus)</source>
        <translation>音频 (*.mp3 *.wav *.ogg *.flac *.m4a *.aac *.opus)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="103"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/rows.py" line="38"/>
        <source>%1 (deprecated)</source>
        <translation>%1（已弃用）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/rows.py" line="46"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>FramePicker</name>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="52"/>
        <source>Pick a frame — %1</source>
        <translation>截取帧 — %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="67"/>
        <source>First frame</source>
        <translation>第一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="68"/>
        <source>Last frame</source>
        <translation>最后一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="69"/>
        <source>Use this frame</source>
        <translation>使用这一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="87"/>
        <source>←/→ one frame, Home/End the first or last</source>
        <translation>←/→ 逐帧，Home/End 跳到首帧或尾帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="98"/>
        <source>One frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/frame_picker.py" line="99"/>
        <source>One frame on</source>
        <translation>前进一帧</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <location filename="../../studio/app.py" line="125"/>
        <source>Comparisons</source>
        <translation>对比记录</translation>
    </message>
</context>
<context>
    <name>GalleryActions</name>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="77"/>
        <source>Star / unstar</source>
        <translation>收藏 / 取消收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="78"/>
        <source>Star or unstar the selection (S)</source>
        <translation>收藏或取消收藏所选（S）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="80"/>
        <source>Star</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="84"/>
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="85"/>
        <source>Move the selection to the trash (Delete)</source>
        <translation>将所选移入回收站（Delete）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="89"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="93"/>
        <source>Undo trash</source>
        <translation>撤销移入回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="94"/>
        <source>Put back what was last moved to the trash</source>
        <translation>恢复最近一次移入回收站的内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="101"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="102"/>
        <source>Take the selection out of the trash</source>
        <translation>将所选移出回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="107"/>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="108"/>
        <source>Delete everything in the trash for good</source>
        <translation>永久删除回收站中的所有内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="112"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="113"/>
        <source>Open with the system&apos;s viewer</source>
        <translation>用系统查看器打开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="117"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="118"/>
        <source>Show the file in its folder</source>
        <translation>在文件夹中显示文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="122"/>
        <source>Export to folder…</source>
        <translation>导出到文件夹…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="123"/>
        <source>Copy files with their parameters</source>
        <translation>连同参数一起复制文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="124"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="128"/>
        <source>Export as zip…</source>
        <translation>导出为 zip…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="129"/>
        <source>One zip with the files and parameters</source>
        <translation>文件和参数打包成一个 zip</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="133"/>
        <source>Remix</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="134"/>
        <source>Load every parameter except the seed (M)</source>
        <translation>载入除种子外的全部参数（M）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="141"/>
        <source>Use all</source>
        <translation>全部套用</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="142"/>
        <source>Load the exact parameters, seed included (A)</source>
        <translation>载入完全相同的参数，包括种子（A）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="149"/>
        <source>Use prompt</source>
        <translation>套用提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="150"/>
        <source>Load only the prompt (P)</source>
        <translation>只载入提示词（P）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="155"/>
        <location filename="../../studio/ui/gallery/actions.py" line="160"/>
        <source>Send to…</source>
        <translation>发送到…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="156"/>
        <source>Use the selection as another model&apos;s input (Ctrl+T)</source>
        <translation>将所选作为其他模型的输入（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="164"/>
        <source>Extend shot</source>
        <translation>延长镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="165"/>
        <source>Continue the video: its last frame into an image-to-video model (Ctrl+E)</source>
        <translation>延续视频：把最后一帧送入图生视频模型（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="173"/>
        <source>Pick a frame…</source>
        <translation>截取帧…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="174"/>
        <source>Take a frame of the video as an image</source>
        <translation>截取视频中的一帧作为图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="179"/>
        <source>Made from this</source>
        <translation>由此生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/actions.py" line="180"/>
        <source>Show this output and everything made from it (L)</source>
        <translation>显示此结果及由它生成的所有内容（L）</translation>
    </message>
</context>
<context>
    <name>GalleryCommands</name>
    <message numerus="yes">
        <location filename="../../studio/ui/gallery/commands.py" line="108"/>
        <source>Moved %n output(s) to the trash.</source>
        <translation>
            <numerusform>已将 %n 个结果移入回收站。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="109"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="173"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="174"/>
        <source>Delete everything in the trash for good? The files are removed too.</source>
        <translation>永久删除回收站中的所有内容吗？文件也会一并删除。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="197"/>
        <source>Export as zip</source>
        <translation>导出为 zip</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="197"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="202"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="222"/>
        <source>Exported %1 of %2 to %3.</source>
        <translation>已导出 %1/%2 项到 %3。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/gallery/commands.py" line="226"/>
        <source>%n had no file on disk.</source>
        <translation>
            <numerusform>其中 %n 个在磁盘上没有文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="268"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/commands.py" line="272"/>
        <source>%1 has no Mountsea Studio parameters to recall.</source>
        <translation>%1 中没有可恢复的 Mountsea Studio 参数。</translation>
    </message>
</context>
<context>
    <name>GalleryFacts</name>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="24"/>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="68"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="69"/>
        <source>Endpoint</source>
        <translation>接口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="70"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="71"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="72"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="76"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="79"/>
        <source>Took</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="86"/>
        <source>Starred</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="87"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="91"/>
        <source>In trash since</source>
        <translation>移入回收站时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="104"/>
        <source>not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="109"/>
        <location filename="../../studio/ui/gallery/detail.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/describe.py" line="117"/>
        <source>Click to preview, double-click to open the preview.</source>
        <translation>单击预览，双击打开预览。</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="86"/>
        <source>Nothing in the trash matches</source>
        <translation>回收站中没有匹配项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="88"/>
        <source>No outputs match</source>
        <translation>没有匹配的结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="90"/>
        <source>clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="93"/>
        <source>Trash is empty</source>
        <translation>回收站是空的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="94"/>
        <source>No outputs yet: everything you generate appears here.</source>
        <translation>还没有结果：你生成的所有内容都会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="198"/>
        <source>Outputs</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/panel.py" line="487"/>
        <source>%1 in trash</source>
        <translation>回收站中 %1 项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/gallery/panel.py" line="489"/>
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerateControls</name>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="46"/>
        <source>Webhook URL (optional): https://…</source>
        <translation>Webhook URL（可选）：https://…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="49"/>
        <source>Your own server receives the finished task as a POST. The studio keeps polling anyway.</source>
        <translation>你自己的服务器会以 POST 收到完成的任务。Studio 仍会继续轮询。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="57"/>
        <source>Advanced request options</source>
        <translation>高级请求选项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="63"/>
        <source>New seed each run</source>
        <translation>每次使用新种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="64"/>
        <source>Give every task of the batch a fresh random seed</source>
        <translation>这一批的每个任务都使用新的随机种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="66"/>
        <source>How many tasks to submit with these settings</source>
        <translation>用这些设置提交几个任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="67"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="68"/>
        <source>Every field back to its default (can be undone)</source>
        <translation>所有字段恢复默认值（可撤销）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="69"/>
        <source>Show request</source>
        <translation>查看请求</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="70"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="72"/>
        <source>Submit (Ctrl+Enter)</source>
        <translation>提交（Ctrl+Enter）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="139"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="140"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="141"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n 首音轨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="142"/>
        <source>%n transcript(s)</source>
        <translation>
            <numerusform>%n 份转写</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="143"/>
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n 个回答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/endpoint/controls.py" line="145"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/controls.py" line="149"/>
        <source>Generate · %1</source>
        <translation>生成 · %1</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="48"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="110"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="110"/>
        <source>Fit to window (F)</source>
        <translation>适应窗口（F）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="111"/>
        <source>Actual size, 100 % (1)</source>
        <translation>实际大小 100%（1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="112"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="113"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="189"/>
        <source>The image preview needs the application&apos;s event loop.</source>
        <translation>图片预览需要应用的事件循环。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="242"/>
        <source>shown at %1 × %2</source>
        <translation>显示为 %1 × %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="250"/>
        <source>the image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/image_view.py" line="251"/>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
</context>
<context>
    <name>IntentForm</name>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="52"/>
        <source>One prompt for every model…</source>
        <translation>所有模型共用一个提示词…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="56"/>
        <source>Negative prompt (optional)</source>
        <translation>负面提示词（可选）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="58"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/compare/intent_form.py" line="128"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="133"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/intent_form.py" line="134"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>JsonField</name>
    <message>
        <location filename="../../studio/ui/forms/json_field.py" line="27"/>
        <source>JSON, e.g. {&quot;key&quot;: &quot;value&quot;}</source>
        <translation>JSON，例如 {&quot;key&quot;: &quot;value&quot;}</translation>
    </message>
</context>
<context>
    <name>KeyboardActions</name>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="32"/>
        <source>Go to the &amp;prompt</source>
        <translation>转到提示词(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="33"/>
        <source>Go to the &amp;queue</source>
        <translation>转到队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="35"/>
        <source>Search the gall&amp;ery</source>
        <translation>搜索图库(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="37"/>
        <source>&amp;Save output as…</source>
        <translation>将结果另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="38"/>
        <source>Save a copy of the output on show</source>
        <translation>保存当前显示结果的副本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="40"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/actions.py" line="85"/>
        <source>Nothing to save yet: choose a finished task or an output first.</source>
        <translation>还没有可保存的内容：请先选择一个已完成的任务或一个结果。</translation>
    </message>
</context>
<context>
    <name>LineageView</name>
    <message>
        <location filename="../../studio/ui/gallery/lineage_view.py" line="67"/>
        <source>Made from</source>
        <translation>素材来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/gallery/lineage_view.py" line="68"/>
        <source>Used in</source>
        <translation>用于</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="69"/>
        <location filename="../../studio/ui/main_window.py" line="332"/>
        <source>Mountsea Studio</source>
        <translation>Mountsea Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="88"/>
        <source>  DEMO · local simulator  </source>
        <translation>  演示 · 本地模拟器  </translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="91"/>
        <source>No API key is set: generations run on the built-in simulator. Add a key in Settings.</source>
        <translation>尚未设置 API 密钥：生成在内置模拟器上运行。请在设置中添加密钥。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="138"/>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="139"/>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="150"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="230"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="231"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="233"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="237"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="238"/>
        <source>&amp;Search models</source>
        <translation>搜索模型(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="240"/>
        <source>&amp;Refresh catalog</source>
        <translation>刷新模型列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="242"/>
        <source>&amp;Create</source>
        <translation>创作(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="243"/>
        <source>C&amp;ompare</source>
        <translation>对比(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="244"/>
        <source>&amp;Gallery</source>
        <translation>图库(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="255"/>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="256"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="259"/>
        <source>Cancel all &amp;running</source>
        <translation>取消所有进行中的任务(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="263"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="265"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="266"/>
        <source>&amp;About Mountsea Studio</source>
        <translation>关于 Mountsea Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="309"/>
        <source>Images, video, music and transcripts through the Mountsea API.</source>
        <translation>通过 Mountsea API 生成图片、视频、音乐和转写文本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="314"/>
        <source>About Mountsea Studio</source>
        <translation>关于 Mountsea Studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="324"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="332"/>
        <source>Mountsea Studio — Demo</source>
        <translation>Mountsea Studio — 演示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="336"/>
        <source>● Unreachable: %1</source>
        <translation>● 无法连接：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="338"/>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
</context>
<context>
    <name>MarketplacePanel</name>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="69"/>
        <source>Search models, providers, tags…  (Ctrl+F)</source>
        <translation>搜索模型、提供方、标签…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="94"/>
        <source>No model matches these filters.</source>
        <translation>没有符合筛选条件的模型。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="96"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="113"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="174"/>
        <source>All capabilities</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="185"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/marketplace/panel.py" line="213"/>
        <source>%1 of %n endpoint(s)</source>
        <translation>
            <numerusform>%1 / %n 个接口</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/marketplace/panel.py" line="215"/>
        <source>%n endpoint(s)</source>
        <translation>
            <numerusform>%n 个接口</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="292"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="293"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="294"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="295"/>
        <source>Transcribe</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="296"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/marketplace/panel.py" line="297"/>
        <source>Embeddings</source>
        <translation>向量嵌入</translation>
    </message>
</context>
<context>
    <name>MaskPainter</name>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="343"/>
        <source>Paint mask — %1</source>
        <translation>绘制蒙版 — %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="352"/>
        <source>Brush size ([ smaller, ] larger)</source>
        <translation>画笔大小（[ 缩小，] 放大）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="355"/>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="356"/>
        <source>Paint what may change (B)</source>
        <translation>涂抹允许修改的区域（B）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="360"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="361"/>
        <source>Keep what the brush marked (E)</source>
        <translation>保留画笔标记的区域（E）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="368"/>
        <source>Fill</source>
        <translation>填满</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="369"/>
        <source>Everything may change</source>
        <translation>全部可改</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="372"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="373"/>
        <source>Nothing may change</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="376"/>
        <source>Invert</source>
        <translation>反转</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="377"/>
        <source>Swap what changes and what stays (I)</source>
        <translation>互换修改区与保留区（I）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="381"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="382"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="386"/>
        <location filename="../../studio/ui/chain/mask_painter.py" line="463"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="387"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="391"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="392"/>
        <source>Show the whole picture (F)</source>
        <translation>显示整张图片（F）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="396"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="399"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="402"/>
        <source>White = edit, black = keep. Red shows what may change. Right-drag or middle-drag pans; the wheel zooms.</source>
        <translation>白色 = 修改，黑色 = 保留。红色表示可修改的区域。右键或中键拖动可平移；滚轮缩放。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="411"/>
        <source>Use mask</source>
        <translation>使用蒙版</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="456"/>
        <source>Smaller brush</source>
        <translation>缩小画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="457"/>
        <source>Larger brush</source>
        <translation>放大画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/mask_painter.py" line="537"/>
        <source>Add the picture to edit first: the mask is painted over it.</source>
        <translation>请先添加要编辑的图片：蒙版画在图片上。</translation>
    </message>
</context>
<context>
    <name>MediaField</name>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="148"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="150"/>
        <source>Paint mask…</source>
        <translation>绘制蒙版…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="151"/>
        <source>Paint where the picture may change: white = edit</source>
        <translation>涂抹图片中允许修改的区域：白色 = 修改</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="223"/>
        <source>It has no file to send.</source>
        <translation>它没有可发送的文件。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="224"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="267"/>
        <source>painted mask · %1</source>
        <translation>绘制的蒙版 · %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="327"/>
        <source>Still reading %1</source>
        <translation>仍在读取 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="378"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="388"/>
        <source>Can&apos;t read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="479"/>
        <source>Large file (%1): will be sent inline as a data URI</source>
        <translation>大文件（%1）：将以 data URI 内嵌发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="494"/>
        <source>Linked file: sent as a URL, not downloaded here</source>
        <translation>链接文件：以 URL 发送，不在本地下载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="508"/>
        <source>Choose image file</source>
        <translation>选择图片文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="509"/>
        <source>Choose video file</source>
        <translation>选择视频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="510"/>
        <source>Choose audio file</source>
        <translation>选择音频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/media_field.py" line="512"/>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>MediaSlotWidget</name>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="67"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="68"/>
        <source>Choose a file, or drop one here</source>
        <translation>选择文件，或拖放到这里</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="71"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="139"/>
        <source>This file cannot be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="158"/>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="163"/>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="189"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="196"/>
        <source>Videos (*.mp4 *.mov *.webm *.mkv)</source>
        <translation>视频 (*.mp4 *.mov *.webm *.mkv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="198"/>
        <source>Audio (*.mp3 *.wav *.m4a *.ogg *.flac *.mp4 *.webm)</source>
        <translation>音频 (*.mp3 *.wav *.m4a *.ogg *.flac *.mp4 *.webm)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/media_slot.py" line="199"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
</context>
<context>
    <name>MediaTransport</name>
    <message>
        <location filename="../../studio/ui/preview/transport.py" line="76"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/transport.py" line="87"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/transport.py" line="89"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="98"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="102"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="103"/>
        <source>Typed in seconds, sent in milliseconds</source>
        <translation>按秒输入，以毫秒发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="107"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="108"/>
        <source>Pick a random seed (clear the box to let the server choose)</source>
        <translation>随机选一个种子（清空输入框则由服务器决定）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="126"/>
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="128"/>
        <source>at most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="129"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="161"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="162"/>
        <source>Shown in seconds, sent in milliseconds</source>
        <translation>以秒显示，以毫秒发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="189"/>
        <source>Must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="190"/>
        <source>Must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="199"/>
        <source>Must be at least %1 s</source>
        <translation>至少 %1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/number_field.py" line="201"/>
        <source>Must be at most %1 s</source>
        <translation>最多 %1 秒</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="88"/>
        <source>Select a finished task to preview its outputs.</source>
        <translation>选择一个已完成的任务以预览结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="108"/>
        <source>Previous output (Left)</source>
        <translation>上一个结果（←）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="109"/>
        <source>Next output (Right)</source>
        <translation>下一个结果（→）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="126"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="126"/>
        <source>Save a copy of this output (Ctrl+S)</source>
        <translation>保存此结果的副本 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="129"/>
        <source>Show the file&apos;s folder</source>
        <translation>显示文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="129"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="132"/>
        <source>Copy the output&apos;s remote URL</source>
        <translation>复制结果的远程 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="132"/>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="138"/>
        <source>Use this output as another model&apos;s input (Ctrl+T)</source>
        <translation>将此结果作为其他模型的输入（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="138"/>
        <location filename="../../studio/ui/preview/pane.py" line="153"/>
        <source>Send to…</source>
        <translation>发送到…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="141"/>
        <source>Continue the shot: its last frame into an image-to-video model (Ctrl+E)</source>
        <translation>延续镜头：把最后一帧送入图生视频模型（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="142"/>
        <location filename="../../studio/ui/preview/pane.py" line="154"/>
        <source>Extend shot</source>
        <translation>延长镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="145"/>
        <source>Pick a frame of this video as an image (Ctrl+Shift+F)</source>
        <translation>从视频中截取一帧作为图片（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="145"/>
        <source>Frames…</source>
        <translation>截取帧…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="155"/>
        <source>Pick a frame…</source>
        <translation>截取帧…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="314"/>
        <source>This output is not downloaded yet.</source>
        <translation>此结果尚未下载。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="371"/>
        <source>Could not open a file manager. The file is in %1</source>
        <translation>无法打开文件管理器。文件位于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="400"/>
        <source>URL copied</source>
        <translation>URL 已复制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="403"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/pane.py" line="407"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>QueueHeader</name>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="90"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="99"/>
        <location filename="../../studio/ui/queue/header.py" line="118"/>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="99"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="101"/>
        <source>Take every finished row out of the queue (their outputs stay in the gallery)</source>
        <translation>把所有已完成的任务移出队列（结果仍保留在图库中）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="104"/>
        <source>Cancel all running</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="104"/>
        <source>Cancel all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="107"/>
        <source>Cancel every task that has not finished yet (Ctrl+Shift+Backspace)</source>
        <translation>取消所有尚未完成的任务 (Ctrl+Shift+Backspace)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="111"/>
        <source>More queue options</source>
        <translation>更多队列选项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="116"/>
        <source>Compact rows</source>
        <translation>紧凑行</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="143"/>
        <source>%1 running · %2 total</source>
        <translation>%1 个运行中 · 共 %2 个</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/header.py" line="144"/>
        <source>%1 of %2 running</source>
        <translation>%1/%2 运行中</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="31"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="59"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="61"/>
        <source>the API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="68"/>
        <source>Paused — on %1. It goes on when %1 is in use again.</source>
        <translation>已暂停 — 在%1上运行。重新使用%1时继续。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="136"/>
        <source>Turned away by the server; nothing was created yet</source>
        <translation>被服务器拒绝；尚未创建任何内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="140"/>
        <source>Waiting for a free slot</source>
        <translation>等待空闲名额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="142"/>
        <source>Sending the request…</source>
        <translation>正在发送请求…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="143"/>
        <source>Queued on the server</source>
        <translation>已在服务器排队</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="144"/>
        <source>Saving outputs…</source>
        <translation>正在保存结果…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="146"/>
        <source>Generating…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="148"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="156"/>
        <source>%n output(s) saved</source>
        <translation>已保存 %n 个结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="159"/>
        <source>Text result</source>
        <translation>文本结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="161"/>
        <source>No outputs</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="173"/>
        <source>Made from:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="183"/>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/words.py" line="186"/>
        <source>Attempt %1; earlier: %2</source>
        <translation>第 %1 次尝试；之前：%2</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="74"/>
        <source>No tasks yet.
Generated images, videos and audio will queue up here.</source>
        <translation>还没有任务。
生成的图片、视频和音频会在这里排队。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="270"/>
        <location filename="../../studio/ui/queue/view.py" line="314"/>
        <source>Send to…</source>
        <translation>发送到…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="271"/>
        <location filename="../../studio/ui/queue/view.py" line="316"/>
        <source>Extend shot</source>
        <translation>延长镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="273"/>
        <location filename="../../studio/ui/queue/view.py" line="318"/>
        <source>Pick a frame…</source>
        <translation>截取帧…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="333"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="337"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="339"/>
        <source>Follow again</source>
        <translation>重新跟踪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="343"/>
        <source>Open output</source>
        <translation>打开结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="344"/>
        <source>Copy task id</source>
        <translation>复制任务 ID</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="345"/>
        <source>Show raw JSON</source>
        <translation>查看原始 JSON</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="346"/>
        <source>Remix (new seed)</source>
        <translation>重新生成（新种子）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="348"/>
        <source>Use all parameters</source>
        <translation>套用全部参数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="352"/>
        <source>Use prompt</source>
        <translation>套用提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="354"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>QueueViewModel</name>
    <message>
        <location filename="../../studio/ui/queue/view_model.py" line="79"/>
        <source>Not connected: the task was not sent.</source>
        <translation>未连接：任务未发送。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view_model.py" line="87"/>
        <source>The task was not sent: %1</source>
        <translation>任务未发送：%1</translation>
    </message>
</context>
<context>
    <name>RawJsonDialog</name>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="184"/>
        <source>(no task id)</source>
        <translation>（无任务 ID）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue/view.py" line="185"/>
        <source>Task %1 — raw JSON</source>
        <translation>任务 %1 — 原始 JSON</translation>
    </message>
</context>
<context>
    <name>Recall</name>
    <message>
        <location filename="../../studio/ui/recall.py" line="79"/>
        <source>A picked frame has no model parameters: use Send to… with it.</source>
        <translation>截取的帧没有模型参数：请用“发送到…”使用它。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="126"/>
        <source>%1: %2 The copy sent with the job is used.</source>
        <translation>%1：%2 已改用随任务发送的副本。</translation>
    </message>
</context>
<context>
    <name>RecallFlow</name>
    <message>
        <location filename="../../studio/ui/recall.py" line="30"/>
        <source>The form was filled with all its parameters and a new seed.</source>
        <translation>表单已填入全部参数和一个新种子。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="33"/>
        <source>The form was filled with all its parameters.</source>
        <translation>表单已填入全部参数。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="36"/>
        <source>The form was filled with its prompt.</source>
        <translation>表单已填入其提示词。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="38"/>
        <source>The form was filled with all its parameters (this model takes no seed to vary).</source>
        <translation>表单已填入全部参数（该模型没有可变化的种子）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="101"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recall.py" line="143"/>
        <source>%1 has no Mountsea Studio parameters to recall.</source>
        <translation>%1 中没有可恢复的 Mountsea Studio 参数。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../studio/ui/recovery_dialog.py" line="39"/>
        <source>Library repaired</source>
        <translation>资料库已修复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recovery_dialog.py" line="39"/>
        <source>Library not repaired</source>
        <translation>资料库未能修复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recovery_dialog.py" line="43"/>
        <source>Your library was damaged and has been rebuilt.</source>
        <translation>你的资料库曾损坏，现已重建。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recovery_dialog.py" line="45"/>
        <source>Your library was damaged and could not be rebuilt.</source>
        <translation>你的资料库已损坏，且无法重建。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/recovery_dialog.py" line="64"/>
        <source>Show the damaged file</source>
        <translation>显示损坏的文件</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="50"/>
        <source>Request · %1</source>
        <translation>请求 · %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="57"/>
        <source>JSON body</source>
        <translation>JSON 请求体</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="58"/>
        <source>cURL</source>
        <translation>cURL</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="59"/>
        <source>Python (httpx)</source>
        <translation>Python (httpx)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="66"/>
        <source>Save body…</source>
        <translation>保存请求体…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="67"/>
        <source>Write the full JSON body to a file (%1 for the snippets)</source>
        <translation>把完整 JSON 请求体写入文件（代码片段使用 %1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="81"/>
        <source>Inline media is shortened here. Copy on the JSON tab and Save body… give the full body; the cURL and Python snippets read it from %1, which Save body… writes.</source>
        <translation>此处内嵌的媒体已缩略显示。JSON 标签页中的“复制”和“保存请求体…”会给出完整请求体；cURL 和 Python 代码片段从 %1 读取它，该文件由“保存请求体…”写入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="91"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="110"/>
        <source>Save the request body</source>
        <translation>保存请求体</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="113"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="136"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/endpoint/request_dialog.py" line="139"/>
        <source>Could not save the body: %1</source>
        <translation>无法保存请求体：%1</translation>
    </message>
</context>
<context>
    <name>ResultColumn</name>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="97"/>
        <location filename="../../studio/ui/compare/column.py" line="205"/>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="137"/>
        <location filename="../../studio/ui/compare/column.py" line="234"/>
        <source>★ Winner</source>
        <translation>★ 胜出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="137"/>
        <source>Mark as the winner</source>
        <translation>标记为胜出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="139"/>
        <source>✕ Reject</source>
        <translation>✕ 淘汰</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="139"/>
        <source>Mark as rejected</source>
        <translation>标记为淘汰</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="142"/>
        <source>Use this one</source>
        <translation>就用这个</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="143"/>
        <source>Open this model with these exact settings in Create, and show the result in the preview</source>
        <translation>在“创作”中用完全相同的设置打开此模型，并在预览中显示结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="146"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="146"/>
        <source>Run this column again</source>
        <translation>重新运行这一列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="148"/>
        <source>Show request</source>
        <translation>查看请求</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="148"/>
        <source>The exact body sent to this model</source>
        <translation>发送给该模型的完整请求体</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="150"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="150"/>
        <source>Save the result as a file</source>
        <translation>将结果保存为文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="152"/>
        <source>Send to…</source>
        <translation>发送到…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="152"/>
        <source>Use this result as the input of another model</source>
        <translation>将此结果作为其他模型的输入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="155"/>
        <location filename="../../studio/ui/compare/column.py" line="341"/>
        <source>Muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="155"/>
        <source>Sound of this column on or off</source>
        <translation>打开或关闭这一列的声音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="160"/>
        <source>Solo</source>
        <translation>独听</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="160"/>
        <source>Hear this column (keeps the position)</source>
        <translation>只听这一列（保持播放位置）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="198"/>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="218"/>
        <source>No result.</source>
        <translation>无结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="222"/>
        <source>Waiting for the result…</source>
        <translation>等待结果…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="234"/>
        <source>✕ Rejected</source>
        <translation>✕ 已淘汰</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="250"/>
        <source>Done · took %1</source>
        <translation>完成 · 用时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="250"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="252"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="254"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="255"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="256"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="257"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="258"/>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="259"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="260"/>
        <source>Unknown: the server never answered</source>
        <translation>未知：服务器始终没有回复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="261"/>
        <source>Lost: the server no longer knows this task</source>
        <translation>已丢失：服务器已找不到此任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="277"/>
        <source>The model returned no output.</source>
        <translation>模型没有返回结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="283"/>
        <source>Not downloaded.</source>
        <translation>未下载。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="299"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/column.py" line="341"/>
        <source>Sound on</source>
        <translation>有声</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="91"/>
        <source>Previous round</source>
        <translation>上一轮</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="94"/>
        <source>Next round</source>
        <translation>下一轮</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="95"/>
        <source>Rerun</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="98"/>
        <source>Run the same comparison again with new seeds, as a new round (Ctrl+R)</source>
        <translation>用新种子把同一对比再跑一轮（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="116"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="116"/>
        <source>Fit every picture (F)</source>
        <translation>所有图片适应窗口（F）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="117"/>
        <source>Every picture at 100 % (1)</source>
        <translation>所有图片 100% 显示（1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="118"/>
        <source>Zoom out all (-)</source>
        <translation>全部缩小（-）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="119"/>
        <source>Zoom in all (+)</source>
        <translation>全部放大（+）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="127"/>
        <source>A/B wipe</source>
        <translation>A/B 划像</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="130"/>
        <source>Lay two results over each other and wipe between them (W)</source>
        <translation>叠放两个结果，拖动分界线对比（W）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="151"/>
        <source>Fit every picture</source>
        <translation>所有图片适应窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="152"/>
        <source>Every picture at 100%</source>
        <translation>所有图片按 100% 显示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="153"/>
        <location filename="../../studio/ui/compare/results.py" line="154"/>
        <source>Zoom in on every picture</source>
        <translation>放大所有图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="155"/>
        <source>Zoom out of every picture</source>
        <translation>缩小所有图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="157"/>
        <source>Wipe between two pictures</source>
        <translation>在两张图片之间滑动对比</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/results.py" line="243"/>
        <source>Round %1 of %2</source>
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
</context>
<context>
    <name>SaveAsFlow</name>
    <message>
        <location filename="../../studio/ui/preview/saving.py" line="57"/>
        <source>Save output as</source>
        <translation>将结果另存为</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/saving.py" line="81"/>
        <source>saving needs the application&apos;s event loop</source>
        <translation>保存需要应用的事件循环</translation>
    </message>
</context>
<context>
    <name>SaveTarget</name>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="15"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="16"/>
        <location filename="../../studio/ui/preview/save_target.py" line="17"/>
        <source>JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="18"/>
        <source>WebP image</source>
        <translation>WebP 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="19"/>
        <source>GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="20"/>
        <source>BMP image</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="21"/>
        <location filename="../../studio/ui/preview/save_target.py" line="22"/>
        <source>TIFF image</source>
        <translation>TIFF 图片</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="23"/>
        <source>MP4 video</source>
        <translation>MP4 视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="24"/>
        <source>WebM video</source>
        <translation>WebM 视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="25"/>
        <source>QuickTime video</source>
        <translation>QuickTime 视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="26"/>
        <source>Matroska video</source>
        <translation>Matroska 视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="27"/>
        <source>WAV audio</source>
        <translation>WAV 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="28"/>
        <source>MP3 audio</source>
        <translation>MP3 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="29"/>
        <source>M4A audio</source>
        <translation>M4A 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="30"/>
        <source>AAC audio</source>
        <translation>AAC 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="31"/>
        <source>Ogg audio</source>
        <translation>Ogg 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="32"/>
        <source>Opus audio</source>
        <translation>Opus 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="33"/>
        <source>FLAC audio</source>
        <translation>FLAC 音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="34"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="35"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="36"/>
        <source>SubRip subtitles</source>
        <translation>SubRip 字幕</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="37"/>
        <source>WebVTT subtitles</source>
        <translation>WebVTT 字幕</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="39"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/save_target.py" line="84"/>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message>
        <location filename="../../studio/ui/forms/form.py" line="85"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../studio/ui/forms/form.py" line="96"/>
        <source>Reset to defaults</source>
        <translation>恢复默认</translation>
    </message>
</context>
<context>
    <name>SendTo</name>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="49"/>
        <source>Animate</source>
        <translation>生成视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="50"/>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="51"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="52"/>
        <source>Use as end frame</source>
        <translation>用作尾帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="53"/>
        <source>Use as reference</source>
        <translation>用作参考</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="54"/>
        <source>Transcribe</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="55"/>
        <source>Soundtrack</source>
        <translation>配乐</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="66"/>
        <location filename="../../studio/ui/chain/send_to.py" line="194"/>
        <source>Send to…</source>
        <translation>发送到…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="68"/>
        <source>Use this output as the input of another model (Ctrl+T)</source>
        <translation>将此结果作为其他模型的输入（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="125"/>
        <source>Search models…</source>
        <translation>搜索模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="149"/>
        <source>Finding the models that take it…</source>
        <translation>正在查找可接收它的模型…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="169"/>
        <source>No model takes this kind of output.</source>
        <translation>没有模型接受这类结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="219"/>
        <source>last frame → %1</source>
        <translation>最后一帧 → %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="319"/>
        <source>There is no saved output to send.</source>
        <translation>没有可发送的已保存结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="324"/>
        <source>Select outputs of one kind to send them together.</source>
        <translation>请选择同一类型的结果一起发送。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/popup.py" line="328"/>
        <source>Only images, videos and audio can go to another model.</source>
        <translation>只有图片、视频和音频可以发送给其他模型。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="176"/>
        <source>This field takes %1 files; the output is %2.</source>
        <translation>此字段接受%1文件；该结果是%2。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="180"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="239"/>
        <source>Which field?</source>
        <translation>放入哪个字段？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="297"/>
        <source>%1 no longer has the field “%2”: the output was not placed.</source>
        <translation>%1 已没有“%2”字段：结果未放入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="303"/>
        <source>%1 now holds %n output(s) in “%2”.</source>
        <translation>%1 的“%2”中现在有 %n 个结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="310"/>
        <source>The field takes fewer: %n left out.</source>
        <translation>该字段容量有限：%n 个未放入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="318"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="359"/>
        <location filename="../../studio/ui/chain/send_to.py" line="403"/>
        <source>This file is not in the library.</source>
        <translation>此文件不在资料库中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="367"/>
        <source>Extend shot needs a video.</source>
        <translation>延长镜头需要一个视频。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="374"/>
        <source>No model here can continue a shot.</source>
        <translation>这里没有能延续镜头的模型。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="413"/>
        <source>Frames come from videos.</source>
        <translation>只能从视频截取帧。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/chain/send_to.py" line="420"/>
        <source>No frame picker: %1</source>
        <translation>无法打开帧选择器：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="32"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="33"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="34"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="47"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="51"/>
        <source>Empty: use the built-in demo simulator</source>
        <translation>留空：使用内置演示模拟器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="52"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="53"/>
        <source>Clear stored key</source>
        <translation>清除已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="60"/>
        <source>The studio&apos;s library folder</source>
        <translation>Studio 的资料库文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="62"/>
        <source>Where outputs are saved; a change applies at the next start.</source>
        <translation>结果的保存位置；更改将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="67"/>
        <source>Tell me when a task ends while the window is in the background</source>
        <translation>窗口在后台时，任务结束后通知我</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="78"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="81"/>
        <source>The new language applies at the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="105"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="107"/>
        <source>Base URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="108"/>
        <location filename="../../studio/ui/settings_dialog.py" line="127"/>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="109"/>
        <source>Tasks at once</source>
        <translation>同时运行任务数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="110"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="111"/>
        <source>Demo speed</source>
        <translation>演示速度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="112"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="113"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="142"/>
        <source>The base URL must be an http:// or https:// address.</source>
        <translation>服务地址必须以 http:// 或 https:// 开头。</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../studio/ui/keyboard/sheet.py" line="38"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/sheet.py" line="41"/>
        <source>Search shortcuts: a word or keys (ctrl+t)…</source>
        <translation>搜索快捷键：输入文字或按键（如 ctrl+t）…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/sheet.py" line="45"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/sheet.py" line="45"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/sheet.py" line="50"/>
        <source>No shortcut matches.</source>
        <translation>没有匹配的快捷键。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="54"/>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="86"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="199"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="275"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="87"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="201"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="277"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="88"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="202"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="278"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="93"/>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个字段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="98"/>
        <source>From the search box into the list</source>
        <translation>从搜索框进入列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="103"/>
        <source>Open the model, cursor in its prompt</source>
        <translation>打开模型，光标置于其提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="108"/>
        <source>From the top of the list back to the search box</source>
        <translation>从列表顶部回到搜索框</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="114"/>
        <source>Choose a task</source>
        <translation>选择任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="118"/>
        <source>Cancel a running task, remove a finished one</source>
        <translation>取消运行中的任务，移除已完成的任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="123"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="128"/>
        <source>Previous / next output</source>
        <translation>上一个 / 下一个结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="131"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="151"/>
        <source>Fit the picture</source>
        <translation>图片适应窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="132"/>
        <source>Picture at 100%</source>
        <translation>图片按 100% 显示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="133"/>
        <source>Zoom in / out</source>
        <translation>放大 / 缩小</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="136"/>
        <source>Play / pause video or audio</source>
        <translation>播放 / 暂停视频或音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="144"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="206"/>
        <source>Mask painter</source>
        <translation>蒙版绘制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="146"/>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="147"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="148"/>
        <source>Invert the mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="149"/>
        <source>Smaller brush</source>
        <translation>缩小画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="150"/>
        <source>Larger brush</source>
        <translation>放大画笔</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="152"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="153"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="154"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="160"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="167"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="207"/>
        <source>Frame picker</source>
        <translation>选帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="169"/>
        <source>One frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="170"/>
        <source>One frame on</source>
        <translation>前进一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="173"/>
        <source>First / last frame (on the slider)</source>
        <translation>第一帧 / 最后一帧（在滑块上）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="181"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="205"/>
        <source>Send to… list</source>
        <translation>“发送到…”列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="184"/>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="188"/>
        <source>Send to the chosen model</source>
        <translation>发送到所选模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="191"/>
        <source>Close the list</source>
        <translation>关闭列表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="200"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="276"/>
        <source>Create form</source>
        <translation>创作表单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="203"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="279"/>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/keyboard/catalog.py" line="204"/>
        <location filename="../../studio/ui/keyboard/catalog.py" line="280"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
</context>
<context>
    <name>StringField</name>
    <message>
        <location filename="../../studio/ui/forms/scalar_fields.py" line="39"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <location filename="../../studio/ui/controller.py" line="140"/>
        <source>Starting the demo simulator…</source>
        <translation>正在启动演示模拟器…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="140"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="148"/>
        <source>Could not start the backend: %1</source>
        <translation>无法启动后端：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="156"/>
        <source>The server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="159"/>
        <source>%1 cannot be reached: %2. The last known models are shown; running tasks are kept and followed again once it answers.</source>
        <translation>无法连接%1：%2。当前显示上次获取的模型；进行中的任务会保留，服务恢复后继续跟踪。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/controller.py" line="256"/>
        <source>Submitted %n task(s) to %1</source>
        <translation>
            <numerusform>已向 %1 提交 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="270"/>
        <source>Not carried over from %1: %2.</source>
        <translation>未从 %1 带入：%2。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="275"/>
        <source>Carried over from %1: %2.</source>
        <translation>已从 %1 带入：%2。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="281"/>
        <source>Carry over</source>
        <translation>带入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="292"/>
        <location filename="../../studio/ui/controller.py" line="326"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/controller.py" line="317"/>
        <source>Cleared %n finished task(s) from the queue; their outputs stay in the gallery.</source>
        <translation>
            <numerusform>已从队列清除 %n 个已完成的任务；结果仍保留在图库中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="335"/>
        <source>This task has no downloaded output yet.</source>
        <translation>此任务还没有已下载的结果。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="358"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="360"/>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="382"/>
        <source>The new language applies when the studio starts again.</source>
        <translation>新语言将在重新启动 Studio 后生效。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="390"/>
        <source>The API key was rejected by the simulator. Check it in Settings.</source>
        <translation>模拟器拒绝了该 API 密钥。请在设置中检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="392"/>
        <source>The API key was rejected by the Mountsea API. Check it in Settings.</source>
        <translation>Mountsea API 拒绝了该 API 密钥。请在设置中检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/controller.py" line="396"/>
        <source>Open Settings…</source>
        <translation>打开设置…</translation>
    </message>
</context>
<context>
    <name>SyncTransport</name>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="45"/>
        <source>Play / pause all (Space)</source>
        <translation>全部播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="46"/>
        <source>One frame back (←)</source>
        <translation>后退一帧（←）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="47"/>
        <source>One frame forward (→)</source>
        <translation>前进一帧（→）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="54"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="57"/>
        <source>Speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="76"/>
        <source>Play / pause every clip</source>
        <translation>播放 / 暂停所有片段</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="77"/>
        <source>Every clip one frame back</source>
        <translation>所有片段后退一帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/transport.py" line="78"/>
        <source>Every clip one frame forward</source>
        <translation>所有片段前进一帧</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <location filename="../../studio/ui/forms/text_field.py" line="34"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <location filename="../../studio/ui/preview/text_format.py" line="47"/>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/text_format.py" line="55"/>
        <source>Binary file, %1 — no text preview.</source>
        <translation>二进制文件，%1 — 无文本预览。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/text_format.py" line="60"/>
        <source>[… first %1 of %2 shown]</source>
        <translation>[… 仅显示前 %1，共 %2]</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <location filename="../../studio/ui/preview/text_view.py" line="40"/>
        <source>Not downloaded yet.</source>
        <translation>尚未下载。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/text_view.py" line="41"/>
        <source>This output has no content.</source>
        <translation>此结果没有内容。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/text_view.py" line="45"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>TranslationModel</name>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="155"/>
        <source>Sends</source>
        <translation>发送状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="191"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="194"/>
        <source>the model decides</source>
        <translation>由模型决定</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="198"/>
        <source> (asked %1)</source>
        <translation>（要求 %1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="206"/>
        <source>Goes to: %1</source>
        <translation>发送到：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="210"/>
        <source>Click to set this model&apos;s value by hand.</source>
        <translation>点击为该模型手动设置此值。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="215"/>
        <source>Loading the model&apos;s settings…</source>
        <translation>正在加载模型设置…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="217"/>
        <source>Ready</source>
        <translation>可发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="219"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
</context>
<context>
    <name>TranslationTable</name>
    <message>
        <location filename="../../studio/ui/compare/table.py" line="329"/>
        <source>Use the translated value</source>
        <translation>使用换算后的值</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../studio/ui/preview/video_view.py" line="96"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview/video_view.py" line="97"/>
        <source>Cannot play this video: %1</source>
        <translation>无法播放此视频：%1</translation>
    </message>
</context>
</TS>
