package dev.newsroom.media.image;

import java.awt.image.ComponentSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/** Tells whether an image's pixels can be walked as one array, which the fast paths of rotation and scaling need. */
final class PlainRaster {

    private PlainRaster() {
    }

    /** One bank, no offset, rows back to back, one array element per sample or per packed pixel. */
    static boolean isPlain(WritableRaster raster) {
        if (raster.getParent() != null || raster.getDataBuffer().getNumBanks() != 1
                || raster.getDataBuffer().getOffset() != 0) {
            return false;
        }
        int width = raster.getWidth();
        if (raster.getSampleModel() instanceof ComponentSampleModel model) {
            int pixelStride = model.getPixelStride();
            return pixelStride == raster.getNumDataElements() && model.getScanlineStride() == width * pixelStride;
        }
        if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
            return model.getScanlineStride() == width;
        }
        return false;
    }
}
