#!/usr/bin/env bash
# Re-creates the image fixtures in this folder; the tests only read them. Needs ImageMagick, exiftool and cwebp
# (Debian: imagemagick libimage-exiftool-perl webp). Every picture is a 320x240 "quadrants" pattern, so a test can
# check colour and orientation at the centre of each quarter: top-left red, top-right green, bottom-left blue,
# bottom-right light grey.
set -euo pipefail
cd "$(dirname "$0")"
icc=/usr/share/color/icc/ghostscript
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

quadrants() { # $1 = output, rest = extra convert options before the output
  local out=$1; shift
  convert \( -size 160x120 'xc:rgb(220,30,30)' 'xc:rgb(30,180,60)' +append \) \
          \( -size 160x120 'xc:rgb(30,60,200)' 'xc:rgb(200,200,200)' +append \) -append "$@" "$out"
}
strip() { exiftool -q -overwrite_original -all= "$@"; }

quadrants "$tmp/q.png"
quadrants "$tmp/q.jpg" -quality 90
strip "$tmp/q.jpg"

# CMYK as ImageMagick and Photoshop write it (Adobe APP14, inverted), once bare and once with an ICC profile.
convert "$tmp/q.png" -colorspace CMYK -quality 90 cmyk.jpg
convert "$tmp/q.png" -profile "$icc/srgb.icc" -profile "$icc/ps_cmyk.icc" -quality 90 cmyk-icc.jpg
# Adobe RGB pixels with the profile embedded: read correctly, they come back as the sRGB pattern.
convert "$tmp/q.png" -profile "$icc/srgb.icc" -profile "$icc/a98.icc" -quality 95 adobe-rgb.jpg
convert "$tmp/q.png" -interlace JPEG -quality 90 progressive.jpg
convert "$tmp/q.png" -colorspace Gray -quality 90 grey.jpg
strip cmyk.jpg progressive.jpg grey.jpg

cp "$tmp/q.jpg" orientation-6.jpg
exiftool -q -overwrite_original -n -Orientation=6 orientation-6.jpg

cp "$tmp/q.jpg" gps-serial.jpg
exiftool -q -overwrite_original -charset iptc=UTF8 -IPTC:CodedCharacterSet=UTF8 \
  -Make=SampleCam -Model='Model 7' -SerialNumber=SN-4711-SECRET -BodySerialNumber=SN-4711-SECRET \
  -LensSerialNumber=LS-0815-SECRET -Artist='Private Person' \
  -GPSLatitude=19.4326 -GPSLatitudeRef=N -GPSLongitude=99.1332 -GPSLongitudeRef=W -GPSAltitude=2240 \
  -XMP-dc:Description='Secret location' -XMP-exif:GPSLatitude=19.4326 -XMP-exif:GPSLongitude=-99.1332 \
  -IPTC:Caption-Abstract='Secret location' -IPTC:Sub-location='Secret street 1' gps-serial.jpg

caption='Zürich – 東京: Delegation arrives for talks'
cp "$tmp/q.jpg" iptc-utf8.jpg
exiftool -q -overwrite_original -charset iptc=UTF8 -IPTC:CodedCharacterSet=UTF8 \
  -IPTC:Caption-Abstract="$caption" -IPTC:Credit='Agentur Zürich / 東京通信' \
  -IPTC:By-line='Jürgen Müller' -IPTC:By-line='山田 太郎' iptc-utf8.jpg
cp "$tmp/q.jpg" iptc-latin1.jpg
exiftool -q -overwrite_original -charset iptc=Latin \
  -IPTC:Caption-Abstract='Zürich, Genève: Sitzung' -IPTC:Credit='Bildagentur Zürich' iptc-latin1.jpg
cp "$tmp/q.jpg" xmp-only.jpg
exiftool -q -overwrite_original -XMP-dc:Description="$caption" -XMP-photoshop:Credit='Agentur Zürich / 東京通信' \
  -XMP-dc:Creator='Jürgen Müller' -XMP-dc:Creator='山田 太郎' xmp-only.jpg
cp "$tmp/q.jpg" iptc-and-xmp.jpg
exiftool -q -overwrite_original -charset iptc=UTF8 -IPTC:CodedCharacterSet=UTF8 \
  -IPTC:Caption-Abstract='IPTC caption' -IPTC:Credit='IPTC credit' -IPTC:By-line='IPTC by-line' \
  -XMP-dc:Description='XMP caption' -XMP-dc:Creator='XMP creator' iptc-and-xmp.jpg

cp "$tmp/q.png" xmp.png
exiftool -q -overwrite_original -XMP-dc:Description="$caption" -XMP-photoshop:Credit='PNG credit' \
  -XMP-dc:Creator='山田 太郎' xmp.png

convert "$tmp/q.png" -depth 16 PNG48:rgb16.png
# 50.2 % grey is 32899 of 65535: not an 8-bit value, so ImageMagick keeps 16 bits.
convert -size 64x48 'xc:gray(50.2%)' -colorspace Gray -define png:bit-depth=16 -define png:color-type=0 grey16.png
# Grey with alpha decodes to a custom image type that Java2D would take for linear light (128 would become 188).
convert -size 64x48 'xc:graya(50.2%,1)' \( -size 64x48 'xc:graya(50.2%,0.5)' \) +append \
  -define png:color-type=4 -define png:bit-depth=8 grey-alpha.png
convert "$tmp/q.png" -alpha set -channel A -fx 'i<160 ? 1 : 0.5' +channel -depth 16 PNG64:rgba16.png
convert "$tmp/q.png" -colors 8 PNG8:palette.png
convert "$tmp/q.png" -alpha set -channel A -fx 'j<120 ? 1 : 0' +channel PNG8:palette-alpha.png
convert "$tmp/q.png" -alpha set PNG32:opaque-rgba.png

convert -delay 20 -size 320x240 'xc:rgb(220,30,30)' 'xc:rgb(30,60,200)' -loop 0 animated.gif
convert "$tmp/q.png" -alpha set -channel A -fx 'i<160 ? 1 : 0' +channel transparent.gif

cwebp -quiet -q 90 "$tmp/q.png" -o lossy.webp
convert "$tmp/q.png" -alpha set -channel A -fx 'i<160 ? 1 : 0.5' +channel PNG32:"$tmp/alpha.png"
cwebp -quiet -lossless -exact "$tmp/alpha.png" -o alpha.webp
cp lossy.webp xmp.webp
exiftool -q -overwrite_original -XMP-dc:Description="$caption" -XMP-photoshop:Credit='WebP credit' xmp.webp

strip rgb16.png grey16.png grey-alpha.png rgba16.png palette.png palette-alpha.png opaque-rgba.png
ls -l
