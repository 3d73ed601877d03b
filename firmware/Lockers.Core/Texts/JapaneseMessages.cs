namespace Lockers.Core.Texts
{
    /// <summary>
    /// The display texts in Japanese, indexed by <see cref="MessageKeys"/>. Lines are at most 13 full-width
    /// characters (a 320 px line of 24 px glyphs).
    /// </summary>
    public static class JapaneseMessages
    {
        /// <summary>One text per key, in key order.</summary>
        public static readonly string[] Texts =
        {
            "コードを入力するか\nQRをかざしてください",
            "確認しています",
            "このコードは使えません",
            "扉を開けています",
            "休止中",
            "入力が多すぎます\n{0}秒お待ちください",
            "{0}番の扉が開きました",
            "{1}の{0}番の扉へ\nお進みください",
            "荷物{0}/{1}\n{2}番の扉に入れて\n扉を閉めてください\n0#入らない 8#飛ばす\n9#終了",
            "回収{0}/{1}\n{2}番の扉から取り出し\n扉を閉めてください\n8#飛ばす 9#終了",
            "入らない荷物\n{0}番の扉を使ってください",
            "大きい扉が空いていません\n荷物はお持ちください\n8#次へ 9#終了",
            "ラウンド終了\n入庫{0}件 取出{1}件",
            "ここでの配達・回収は\nありません",
            "荷物を移動中です\nコードはそのまま使えます\n数分後にお試しください",
            "{0}番の扉が\n開きませんでした\nコードはそのまま使えます\nもう一度お試しください",
            "{0}番の扉は休止中です\nコードはそのまま使えます\n後でお試しください",
            "{1}の{0}番の扉が\n開きませんでした\nコードはそのまま使えます\nもう一度お試しください",
            "{1}の{0}番の扉は\n休止中です\nコードはそのまま使えます\n後でお試しください",
            "{0}と通信できません\nコードはそのまま使えます\n後でお試しください",
        };
    }
}
