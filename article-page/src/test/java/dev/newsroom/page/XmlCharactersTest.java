package dev.newsroom.page;

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
    void passesNullThrough() {
        assertThat(XmlCharacters.strip(null)).isNull();
    }
}
