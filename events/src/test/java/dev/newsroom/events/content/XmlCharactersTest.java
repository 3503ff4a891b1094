package dev.newsroom.events.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharactersTest {

    @Test
    void keepsTextXmlCanCarry() {
        String text = "Tab\there, line\nand\r\n \"quotes\" & <tags> ]]> \u0627\u0644\u0639\u0631\u0628\u064A\u0629 "
                + "\u65E5\u672C\u8A9E \uD83D\uDE80 \uFFFD";

        assertThat(XmlCharacters.strip(text)).isSameAs(text);
    }

    @Test
    void dropsControlCharactersLoneSurrogatesAndNonCharacters() {
        assertThat(XmlCharacters.strip("a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg")).isEqualTo("abcdefg");
        assertThat(XmlCharacters.strip("lone \uD800high and \uDC00low")).isEqualTo("lone high and low");
        assertThat(XmlCharacters.strip("reversed \uDE80\uD83D pair")).isEqualTo("reversed  pair");
        assertThat(XmlCharacters.strip("end\uFFFE\uFFFF")).isEqualTo("end");
        assertThat(XmlCharacters.strip("trailing high \uD83D")).isEqualTo("trailing high ");
    }

    @Test
    void refusesDelAndC1ControlsLikeTheC0Ones() {
        for (int c : new int[] {0x00, 0x08, 0x0B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF}) {
            assertThat(XmlCharacters.isAllowed(c)).as("U+%04X", c).isFalse();
        }
        for (int c : new int[] {0x09, 0x0A, 0x0D, 0x20, 0x7E, 0xA0, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF}) {
            assertThat(XmlCharacters.isAllowed(c)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void findsTheFirstDisallowedCharacterAndNamesIt() {
        assertThat(XmlCharacters.indexOfDisallowed("caf\u00E9 \u0085 end")).isEqualTo(5);
        assertThat(XmlCharacters.indexOfDisallowed("\uD83D\uDE80 fine")).isEqualTo(-1);
        assertThat(XmlCharacters.describe(0x7F)).isEqualTo("the control character U+007F");
        assertThat(XmlCharacters.describe(0xDC00)).isEqualTo("a lone surrogate U+DC00");
        assertThat(XmlCharacters.describe(0xFFFF)).isEqualTo("the non-character U+FFFF");
    }

    @Test
    void explainsWhyTextIsRefusedCountingCharactersFromOne() {
        assertThat(XmlCharacters.problem("\uD83D\uDE80 rocket\u007F")).contains(
                "contains the control character U+007F at position 9, which cannot be stored; remove it");
        assertThat(XmlCharacters.problem("fine")).isEmpty();
        assertThat(XmlCharacters.problem(null)).isEmpty();
    }

    @Test
    void passesNullThrough() {
        assertThat(XmlCharacters.strip(null)).isNull();
    }
}
