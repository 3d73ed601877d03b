namespace Lockers.Core.Texts
{
    /// <summary>
    /// The display texts in Simplified Chinese, indexed by <see cref="MessageKeys"/>. Lines are at most 13
    /// full-width characters (a 320 px line of 24 px glyphs).
    /// </summary>
    public static class ChineseMessages
    {
        /// <summary>One text per key, in key order.</summary>
        public static readonly string[] Texts =
        {
            "请输入取件码\n或扫描二维码",
            "正在验证",
            "此码无效",
            "正在开门",
            "暂停服务",
            "尝试次数过多\n请等待{0}秒",
            "{0}号柜门已打开",
            "请前往{1}的\n{0}号柜门",
            "包裹{0}/{1}\n请放入{2}号柜门\n完成后关门\n0#放不下 8#跳过\n9#结束",
            "取件{0}/{1}\n请从{2}号柜门取出\n完成后关门\n8#跳过 9#结束",
            "放不下\n请改用{0}号柜门",
            "没有更大的空柜门\n请带回包裹\n8#下一个 9#结束",
            "派送结束\n投入{0}件 取出{1}件",
            "此处没有需要\n投递或取回的包裹",
            "包裹正在移动\n取件码仍然有效\n请几分钟后再试",
            "{0}号柜门未能打开\n取件码仍然有效\n请再试一次",
            "{0}号柜门暂停服务\n取件码仍然有效\n请稍后再试",
            "{1}的{0}号柜门\n未能打开\n取件码仍然有效\n请再试一次",
            "{1}的{0}号柜门\n暂停服务\n取件码仍然有效\n请稍后再试",
            "{0}暂时离线\n取件码仍然有效\n请稍后再试",
            "未能及时收到回复\n请再试一次",
            "现在无法验证取件码\n请稍后再试",
            "此处服务暂停\n请稍后再试",
            "派送已暂停\n此处暂停开门\n投入{0}件 取出{1}件\n其余预约不变\n解除后刷工牌或\n输入PIN继续",
        };
    }
}
