package org.liuhua.manual.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.manual.card.domain.Card;
import org.liuhua.manual.card.domain.CardKind;

import static org.assertj.core.api.Assertions.assertThat;

/** A card prints on one A4 page in the embedded Chinese font, with a QR code that decodes to the card's URL. */
class CardRendererTest {

    static final String URL = "https://liuhua.example.cn/m/cards/card-0123456789ab";
    final CardRenderer renderer = new CardRenderer(CardFont.shared());

    static CardRenderer.Print postCard() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("一、岗位操作规程", List.of("开机前检查除尘系统运行正常，确认风管无破损", "作业中每班清理设备及地面积尘，严禁用压缩空气吹扫"));
        parts.put("二、危险有害因素及防护措施", List.of("铝镁粉尘爆炸：除尘器泄爆片完好，严禁明火", "机械伤害：防护罩齐全，严禁戴手套操作旋转设备"));
        parts.put("三、应急处置措施及流程", List.of("发现火情立即停机、切断电源，用干粉灭火器或干沙扑救，严禁用水", "立即报告班组长并拨打119"));
        parts.put("四、劳动防护用品佩戴", List.of("防尘口罩（KN95）", "防静电工作服、防静电鞋", "护目镜"));
        return new CardRenderer.Print("抛光工岗位安全四清楚卡", "岗位安全四清楚卡", "张家港市锦丰金属制品有限公司", "抛光工", 2,
                LocalDate.of(2026, 11, 20), parts, URL);
    }

    @Test
    void aPostCardIsOneA4PageWithItsChineseTextAndAQrCodeOfItsUrl() throws Exception {
        PdfChecks.ReadBack back = PdfChecks.read(renderer.render(postCard()), "post-card-unit");
        assertThat(back.pages()).isEqualTo(1);
        assertThat(back.widthPt()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
        assertThat(back.heightPt()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
        String text = PdfChecks.squeezed(back.text());
        for (List<String> lines : postCard().parts().values()) {
            lines.forEach(line -> assertThat(text).contains(PdfChecks.squeezed(line)));
        }
        assertThat(text).contains("三、应急处置措施及流程").contains("张家港市锦丰金属制品有限公司").contains("抛光工岗位安全四清楚卡");
        assertThat(back.qr()).isEqualTo(URL);
        assertThat(back.png()).exists();
    }

    @Test
    void theLargestCardTheRulesAllowStillFitsOnePage() throws Exception {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        int budget = Card.MAX_CHARACTERS - 20;
        for (String key : CardKind.POST_SAFETY.partKeys()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < Card.MAX_LINES_PER_PART; i++) {
                int length = budget / (4 * Card.MAX_LINES_PER_PART);
                lines.add("严禁在粉尘爆炸危险场所吸烟和动火作业".repeat(3).substring(0, length));
            }
            parts.put(CardKind.POST_SAFETY.heading(key), lines);
        }
        CardRenderer.Print full = new CardRenderer.Print("满载的岗位安全四清楚卡测试用例标题较长的情况下也能放下", "岗位安全四清楚卡",
                "张家港市某某某某某某金属制品有限公司", "除尘系统巡检及清灰作业岗位", 12, LocalDate.of(2026, 11, 20), parts, URL);
        PdfChecks.ReadBack back = PdfChecks.read(renderer.render(full), "post-card-full");
        assertThat(back.pages()).isEqualTo(1);
        assertThat(back.qr()).isEqualTo(URL);
    }

    @Test
    void everyChineseCharacterOfTheStarterVocabularyIsPrintable() {
        String sample = "粉尘涉爆金属冶炼有限空间危化品涉氨制冷建筑施工城镇燃气熔融金属吊运泄爆惰化抑爆锁气卸灰氨气泄漏";
        assertThat(sample.codePoints().allMatch(CardFont.shared()::printable)).isTrue();
        assertThat(CardFont.shared().printable(0x1F600)).as("an emoji has no glyph").isFalse();
    }

    @Test
    void cardsPerSecond() {
        renderer.render(postCard());
        double rate = renderer.cardsPerSecond(postCard(), 50);
        System.out.printf("card rendering: %.1f cards/s (one thread)%n", rate);
        assertThat(rate).isPositive();
    }
}
