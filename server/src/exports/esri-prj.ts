/**
 * The .prj text (ESRI WKT1, single line) of each export CRS, exactly as GDAL/PROJ write them
 * (`gdalsrsinfo -o wkt_esri EPSG:n`); GDAL and ArcGIS identify them as the EPSG codes again.
 */
const CGCS2000_GEOG =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

export const ESRI_PRJ: Record<number, string> = {
  4326: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  4490: CGCS2000_GEOG,
  4549:
    `PROJCS["CGCS2000_3_Degree_GK_CM_120E",${CGCS2000_GEOG},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],` +
    'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
};
