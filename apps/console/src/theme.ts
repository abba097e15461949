import type { ThemeConfig } from 'antd';

// Colours chosen for WCAG 2.1 AA on white: antd's default blue (#1677ff, 4.1:1) and grey texts fall short of 4.5:1.
// The darker status colours would also darken the derived alert backgrounds, so those stay antd's light ones.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cd5',
    colorLink: '#0b5cd5',
    colorPrimaryHover: '#2b6cd6',
    colorLinkHover: '#2b6cd6',
    colorError: '#c41d1f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad5b00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffd666',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
};
